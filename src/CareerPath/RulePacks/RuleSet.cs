using System.Collections.Frozen;
using CareerPath.Catalogue;
using CareerPath.Engine;
using CareerPath.Planning;

namespace CareerPath;

/// <summary>
/// A loaded, checked and compiled rule pack: its catalogue and rules, with every condition compiled
/// once. Immutable and safe to share: one rule set serves every thread and every student.
/// </summary>
/// <remarks>
/// Get one from <see cref="RulePackLoader"/>; hand it to <see cref="CareerPlanner"/>.
/// A rule set exists only when its pack loaded without a single error.
/// </remarks>
public sealed class RuleSet
{
    private readonly FrozenDictionary<string, FrozenDictionary<string, RuleCell>> _index;

    internal RuleSet(
        string name,
        string version,
        PackCatalogue catalogue,
        IReadOnlyList<CompiledRule> rules,
        FrozenDictionary<string, FrozenDictionary<string, RuleCell>> index,
        FrozenDictionary<string, TimelineLabels> labels)
    {
        Name = name;
        Version = version;
        Catalogue = catalogue;
        Rules = rules;
        _index = index;
        Labels = labels;
    }

    /// <summary>The pack's name, from its <c>pack:</c> header; every plan carries it.</summary>
    public string Name { get; }

    /// <summary>The pack's version, from its <c>pack:</c> header; every plan carries it.</summary>
    public string Version { get; }

    /// <summary>
    /// For a pack that extends others: every pack layered into it, the base first (for example
    /// <c>careerpath-default 0.3.0</c>, then the school's pack); empty for a pack that extends none.
    /// </summary>
    public IReadOnlyList<PlanPack> Layers { get; internal init; } = [];

    /// <summary>Whether the load took the default pack's files and conditions from its snapshot instead of parsing them (see <c>PackSnapshot</c>).</summary>
    internal bool ParsedAhead { get; init; }

    /// <summary>The languages every text of the pack is written in; the first is the default.</summary>
    public IReadOnlyList<string> Languages => Catalogue.Languages;

    /// <summary>How many rules the pack has.</summary>
    public int RuleCount => Rules.Count;

    internal PackCatalogue Catalogue { get; }

    internal IReadOnlyList<CompiledRule> Rules { get; }

    internal FrozenDictionary<string, TimelineLabels> Labels { get; }

    /// <summary>The rules that can apply to a student of <paramref name="major"/> on <paramref name="pathway"/>, in pack order.</summary>
    internal RuleSlot[] RulesFor(string major, string pathway) => CellFor(major, pathway).Slots;

    /// <summary>The rules that can apply to a student of <paramref name="major"/> on <paramref name="pathway"/>, with their kept texts.</summary>
    internal RuleCell CellFor(string major, string pathway) =>
        _index.TryGetValue(major, out var byPathway) && byPathway.TryGetValue(pathway, out var cell) ? cell : RuleCell.Empty;

    /// <summary>Prints the pack's name and version.</summary>
    /// <returns><c>name version</c>.</returns>
    public override string ToString() => $"{Name} {Version}";
}
