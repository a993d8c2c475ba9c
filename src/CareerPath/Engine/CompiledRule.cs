using System.Collections.ObjectModel;
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
/// <param name="Index">The slot's place in its <see cref="RuleCell"/>.</param>
internal readonly record struct RuleSlot(CompiledRule Rule, int Due, int Index)
{
    public const int DueNow = -2;
}

/// <summary>
/// The rules that can apply to the students of one major on one pathway, in pack order, with what
/// their steps share between students: the texts that are the same for every such student
/// (<see cref="Catalogue.TextTemplate.IsSameForSlot"/>), and each slot's last evidence list and last
/// step, handed out again when the next student's are equal. Everything kept is immutable and made
/// the first time a plan needs it; two threads may make the same thing at once, and either result
/// is right, so the race is harmless.
/// </summary>
internal sealed class RuleCell(RuleSlot[] slots, int languages)
{
    public const int Title = 0;
    public const int Detail = 1;
    public const int Why = 2;
    private const int Kinds = 3;

    private string?[]? _texts;
    private ReadOnlyCollection<PlanEvidence>?[]? _evidence;
    private PlanStep?[]? _steps;

    public static RuleCell Empty { get; } = new([], 1);

    /// <summary>
    /// The evidence a slot's step showed last, when it holds the same entries as <paramref name="entries"/>
    /// (one shared <see cref="PlanEvidence"/> per value, see <see cref="FactProbe"/>); otherwise a new
    /// collection of them, kept for the next student.
    /// </summary>
    public ReadOnlyCollection<PlanEvidence> Evidence(int slot, ReadOnlySpan<PlanEvidence> entries)
    {
        var kept = Volatile.Read(ref _evidence) ?? Allocate(ref _evidence);
        var last = Volatile.Read(ref kept[slot]);
        if (last is not null && last.Count == entries.Length)
        {
            var same = true;
            for (var i = 0; i < entries.Length && same; i++)
            {
                same = ReferenceEquals(last[i], entries[i]);
            }

            if (same)
            {
                return last;
            }
        }

        var made = Array.AsReadOnly(entries.ToArray());
        Volatile.Write(ref kept[slot], made);
        return made;
    }

    /// <summary>
    /// The step a slot made last, when the step about to be made would be equal to it field for field
    /// (texts, due point, evidence are shared instances, so this is a handful of reference checks);
    /// otherwise null. Plans are immutable, so students whose step is the same share one.
    /// </summary>
    public PlanStep? SameStep(int slot, string title, string detail, StepDue due, StepStatus status, string why, IReadOnlyList<PlanEvidence> evidence)
    {
        var kept = Volatile.Read(ref _steps);
        var last = kept is null ? null : Volatile.Read(ref kept[slot]);
        return last is not null && last.Item is null && last.Status == status && ReferenceEquals(last.Title, title) && ReferenceEquals(last.Detail, detail)
            && ReferenceEquals(last.Due, due) && ReferenceEquals(last.Why, why) && ReferenceEquals(last.Evidence, evidence)
            ? last
            : null;
    }

    /// <summary>Keeps <paramref name="step"/> as the slot's last step and returns it.</summary>
    public PlanStep KeepStep(int slot, PlanStep step)
    {
        var kept = Volatile.Read(ref _steps) ?? Allocate(ref _steps);
        Volatile.Write(ref kept[slot], step);
        return step;
    }

    private T?[] Allocate<T>(ref T?[]? field)
        where T : class
    {
        Interlocked.CompareExchange(ref field, new T?[slots.Length], null);
        return Volatile.Read(ref field)!;
    }

    public RuleSlot[] Slots => slots;

    /// <summary>The kept text of a slot, or null when no plan has made it yet.</summary>
    public string? Text(int slot, int kind, int language)
    {
        var texts = Volatile.Read(ref _texts);
        return texts is null || language >= languages ? null : Volatile.Read(ref texts[(((slot * languages) + language) * Kinds) + kind]);
    }

    /// <summary>Keeps <paramref name="text"/> as a slot's text and returns it.</summary>
    public string Keep(int slot, int kind, int language, string text)
    {
        if (language < languages)
        {
            var texts = Volatile.Read(ref _texts);
            if (texts is null)
            {
                Interlocked.CompareExchange(ref _texts, new string?[slots.Length * languages * Kinds], null);
                texts = Volatile.Read(ref _texts)!;
            }

            Volatile.Write(ref texts[(((slot * languages) + language) * Kinds) + kind], text);
        }

        return text;
    }
}
