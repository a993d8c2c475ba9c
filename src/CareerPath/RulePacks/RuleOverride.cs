using CareerPath.Catalogue;
using CareerPath.Yaml;

namespace CareerPath.RulePacks;

/// <summary>
/// A change a pack that extends another makes to one of the base's rules, by id: each field that is
/// not null replaces the base rule's field.
/// </summary>
internal sealed record RuleOverride(string Id, SourcePlace Place, YamlMapping Node)
{
    public ExpressionSource? When { get; init; }

    public ExpressionSource? DoneWhen { get; init; }

    public TimelinePoint? Due { get; init; }

    public int? Priority { get; init; }

    public TextTemplate? Title { get; init; }

    public TextTemplate? Detail { get; init; }

    public TextTemplate? Because { get; init; }

    public RuleScope? Scope { get; init; }

    public int? MaxItems { get; init; }
}
