using CareerPath.RulePacks;

namespace CareerPath.Engine;

/// <summary>A rule with its conditions compiled, ready to run. Immutable once the pack has loaded.</summary>
/// <param name="Order">The rule's place in the pack (file order), the last tie-breaker when steps are ordered.</param>
/// <param name="Supersedes">Orders of the rules this one leaves out when both fire.</param>
internal sealed record CompiledRule(RuleDefinition Definition, CompiledCondition? When, CompiledCondition? DoneWhen, int Order, int[] Supersedes)
{
    public string Id => Definition.Id;
}

/// <summary>A rule that can apply to the students of one major on one pathway, with its due point resolved.</summary>
/// <param name="Due">Timeline index the step is due at, or <see cref="DueNow"/> for rules due in the student's current term.</param>
internal readonly record struct RuleSlot(CompiledRule Rule, int Due)
{
    public const int DueNow = -2;
}
