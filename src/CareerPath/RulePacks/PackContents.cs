using CareerPath.Catalogue;
using CareerPath.Yaml;

namespace CareerPath.RulePacks;

/// <summary>
/// What the files of one pack hold once each is read, with the checks that need the whole pack
/// (references between files, every text in every language) queued for when all files are in.
/// </summary>
internal sealed class PackContents
{
    public List<(string File, YamlMapping Node)> Headers { get; } = [];

    public string? Name { get; set; }

    public string? Version { get; set; }

    public IReadOnlyList<string> Languages { get; set; } = ["en", "zh-CN"];

    /// <summary>Whether the header set <see cref="Languages"/> (a pack that extends another must agree with it).</summary>
    public bool LanguagesSet { get; set; }

    /// <summary>The name of the pack this one extends, from the header's <c>extends</c>, or null.</summary>
    public string? Extends { get; set; }

    public SourcePlace? ExtendsPlace { get; set; }

    /// <summary>The packs layered into this one, base first, as (name, version); empty for a pack that extends none.</summary>
    public List<(string Name, string Version)> Layers { get; } = [];

    /// <summary>Changes to the base pack's rules, by id.</summary>
    public List<RuleOverride> Overrides { get; } = [];

    /// <summary>Ids of the base pack's rules to switch off, with where each was written.</summary>
    public List<(string Id, SourcePlace Place)> Disabled { get; } = [];

    public Dictionary<string, (Skill Value, SourcePlace Place)> Skills { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, (Certificate Value, SourcePlace Place)> Certificates { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, (Major Value, SourcePlace Place)> Majors { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, (Position Value, SourcePlace Place)> Positions { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, (LearningEntry Value, SourcePlace Place)> Learning { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, (Pathway Value, SourcePlace Place)> Pathways { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, RuleDefinition> Rules { get; } = new(StringComparer.Ordinal);

    /// <summary>Every catalogue id seen as (kind, id), even of entries with errors, so that a reference to them is not reported too.</summary>
    public HashSet<(string Kind, string Id)> SeenIds { get; } = [];

    /// <summary>Conditions of rules that have other errors: compiled only to report their own errors.</summary>
    public List<(string RuleId, string Field, ExpressionSource Source)> UnusedConditions { get; } = [];

    /// <summary>Every rule id seen, even of rules with errors, so that a duplicate id is always reported.</summary>
    public Dictionary<string, SourcePlace> RuleIds { get; } = new(StringComparer.Ordinal);

    /// <summary>Texts whose languages are checked once the pack's languages are known.</summary>
    public List<PendingText> Texts { get; } = [];

    /// <summary>Whether a list was refused whole for passing a limit (so "no rules" would mislead).</summary>
    public bool OverLimit { get; set; }

    /// <summary>Ids that must be defined somewhere in the pack.</summary>
    public List<PendingReference> References { get; } = [];
}

internal sealed record PendingText(LocalizedText Text, string File, YamlNode Node, string? OwnerId, string Field);

/// <param name="Kind">skill, certificate, major, position, learning, pathway or rule.</param>
internal sealed record PendingReference(string Kind, string Id, string File, YamlNode Node, string? OwnerId, string Field);
