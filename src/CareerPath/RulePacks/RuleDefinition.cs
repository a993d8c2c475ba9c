using CareerPath.Catalogue;

namespace CareerPath.RulePacks;

/// <summary>A rule as the pack wrote it, checked for shape but not yet compiled.</summary>
internal sealed record RuleDefinition(
    string Id,
    CareerPhase Phase,
    string Category,
    RuleScope Scope,
    ExpressionSource? When,
    ExpressionSource? DoneWhen,
    TimelinePoint Due,
    int Priority,
    IReadOnlyList<string> Supersedes,
    TextTemplate Title,
    TextTemplate Detail,
    TextTemplate? Because,
    SourcePlace Place)
{
    /// <summary>For a rule that makes one step per item: <c>skill-gaps</c> or <c>certificate-gaps</c> of the target positions; null otherwise.</summary>
    public string? ForEach { get; init; }

    /// <summary>The most steps a <c>forEach</c> rule makes, the largest gaps first.</summary>
    public int MaxItems { get; init; } = 3;
}
