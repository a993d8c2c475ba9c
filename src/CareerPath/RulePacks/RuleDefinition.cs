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
    SourcePlace Place);
