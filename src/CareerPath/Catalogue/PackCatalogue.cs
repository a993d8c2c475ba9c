using System.Collections.Frozen;
using System.Collections.ObjectModel;

namespace CareerPath.Catalogue;

/// <summary>
/// Everything a pack names: skills, certificates, majors, positions, learning entries and pathways.
/// Immutable; what closes each position's gaps is worked out once, here, at load time.
/// </summary>
internal sealed class PackCatalogue
{
    private static readonly ReadOnlyCollection<GapCloser> NoClosers = new([]);

    private static readonly Position[] NoPositions = [];

    private readonly FrozenDictionary<string, PositionClosers> _closers;
    private readonly FrozenDictionary<string, string[]> _included;
    private readonly FrozenDictionary<string, Position[]> _positionsByMajor;

    /// <summary>A catalogue with nothing in it, for parsing conditions apart from any pack.</summary>
    public static PackCatalogue Empty { get; } = new(
        ["en"],
        FrozenDictionary<string, Skill>.Empty,
        FrozenDictionary<string, Certificate>.Empty,
        FrozenDictionary<string, Major>.Empty,
        FrozenDictionary<string, Position>.Empty,
        FrozenDictionary<string, LearningEntry>.Empty,
        FrozenDictionary<string, Pathway>.Empty);

    public PackCatalogue(
        IReadOnlyList<string> languages,
        FrozenDictionary<string, Skill> skills,
        FrozenDictionary<string, Certificate> certificates,
        FrozenDictionary<string, Major> majors,
        FrozenDictionary<string, Position> positions,
        FrozenDictionary<string, LearningEntry> learning,
        FrozenDictionary<string, Pathway> pathways)
    {
        Languages = languages;
        Skills = skills;
        Certificates = certificates;
        Majors = majors;
        Positions = positions;
        Learning = learning;
        Pathways = pathways;
        _closers = IndexClosers();
        _included = certificates.Values
            .Where(c => c.Includes.Count > 0)
            .ToFrozenDictionary(c => c.Id, c => IncludedBy(c.Id), StringComparer.Ordinal);
        _positionsByMajor = positions.Values
            .GroupBy(p => p.Major, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The positions of a major (none for an unknown id).</summary>
    public Position[] PositionsOf(string? major) =>
        major is not null && _positionsByMajor.TryGetValue(major, out var positions) ? positions : NoPositions;

    /// <summary>The pack's languages; the first is the default.</summary>
    public IReadOnlyList<string> Languages { get; }

    public FrozenDictionary<string, Skill> Skills { get; }

    public FrozenDictionary<string, Certificate> Certificates { get; }

    public FrozenDictionary<string, Major> Majors { get; }

    public FrozenDictionary<string, Position> Positions { get; }

    public FrozenDictionary<string, LearningEntry> Learning { get; }

    public FrozenDictionary<string, Pathway> Pathways { get; }

    /// <summary>
    /// The certificates someone holding <paramref name="held"/> is taken to hold: those and, through
    /// <c>includes</c>, the lower levels they cover. The list itself when nothing is included.
    /// </summary>
    public IReadOnlyCollection<string> Holding(IReadOnlyList<string> held)
    {
        HashSet<string>? all = null;
        for (var i = 0; i < held.Count; i++)
        {
            if (held[i] is { } id && _included.TryGetValue(id, out var included))
            {
                all ??= [.. held];
                all.UnionWith(included);
            }
        }

        return all ?? (IReadOnlyCollection<string>)held;
    }

    /// <summary>Every certificate <paramref name="id"/> includes, through <c>includes</c> at any depth (worked out once, at load).</summary>
    private string[] IncludedBy(string id)
    {
        var all = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>(Certificates[id].Includes);
        while (stack.TryPop(out var included))
        {
            if (all.Add(included) && Certificates.TryGetValue(included, out var next))
            {
                foreach (var further in next.Includes)
                {
                    stack.Push(further);
                }
            }
        }

        all.Remove(id);
        return [.. all];
    }

    /// <summary>
    /// The learning entries that close a gap of <paramref name="position"/> (<paramref name="kind"/> is
    /// <c>skill</c> or <c>certificate</c>), those that reach the needed level first; empty when none does.
    /// </summary>
    public IReadOnlyList<GapCloser> ClosersFor(Position position, string kind, string item, string language)
    {
        var closers = ClosersOf(position);
        var ids = kind == "skill" ? position.Skills.Keys : position.Certificates;
        var index = ids.Select((id, i) => (Id: id, Index: i)).FirstOrDefault(p => p.Id == item, (Id: item, Index: -1)).Index;
        var byLanguage = kind == "skill" ? closers.Skills : closers.Certificates;
        return index < 0 ? NoClosers : byLanguage[LanguageIndex(language)][index];
    }

    /// <summary>A position's closers, by language index, in the order of its skills and of its certificates (for the per-student path: no lookups).</summary>
    public PositionClosers ClosersOf(Position position) => _closers[position.Id];

    /// <summary>The index of <paramref name="language"/> in <see cref="Languages"/> (0, the default, when it is not one).</summary>
    public int LanguageIndex(string language)
    {
        for (var i = 0; i < Languages.Count; i++)
        {
            if (string.Equals(Languages[i], language, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return 0;
    }

    /// <summary>
    /// The majors whose students can take the learning entries that serve a position of
    /// <paramref name="major"/>: the major itself and every major that leads into it.
    /// </summary>
    public HashSet<string> Feeders(string major)
    {
        var family = new HashSet<string>(StringComparer.Ordinal) { major };
        var grew = true;
        while (grew)
        {
            grew = false;
            foreach (var candidate in Majors.Values)
            {
                if (candidate.ArticulatesTo is { } target && family.Contains(target) && family.Add(candidate.Id))
                {
                    grew = true;
                }
            }
        }

        return family;
    }

    private FrozenDictionary<string, PositionClosers> IndexClosers()
    {
        var index = new Dictionary<string, PositionClosers>(StringComparer.Ordinal);
        var ordered = Learning.Values.OrderBy(e => e.Kind == "module" ? 0 : 1).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
        foreach (var position in Positions.Values)
        {
            var family = Feeders(position.Major);
            var open = ordered.Where(e => e.Majors.Count == 0 || e.Majors.Any(family.Contains)).ToList();
            var skills = position.Skills.Select(pair => Closers(
                open.Where(e => e.Skills.ContainsKey(pair.Key))
                    .OrderByDescending(e => e.Skills[pair.Key] >= pair.Value)
                    .ThenBy(e => e.Skills[pair.Key] >= pair.Value ? 0 : -e.Skills[pair.Key])
                    .ToList(),
                e => e.Skills[pair.Key],
                pair.Value)).ToList();
            var certificates = position.Certificates.Select(c => Closers([.. open.Where(e => e.Certificates.Contains(c))], null, 0)).ToList();
            index[position.Id] = new PositionClosers(
                [.. Languages.Select((_, l) => skills.Select(byLanguage => byLanguage[l]).ToArray())],
                [.. Languages.Select((_, l) => certificates.Select(byLanguage => byLanguage[l]).ToArray())]);
        }

        return index.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The closers of one gap in each of the pack's languages.</summary>
    private ReadOnlyCollection<GapCloser>[] Closers(List<LearningEntry> entries, Func<LearningEntry, int>? level, int needed) =>
        [.. Languages.Select(language => entries.Count == 0 ? NoClosers : entries.Select(e => new GapCloser
        {
            Kind = e.Kind,
            Id = e.Id,
            Name = e.Name[language],
            Level = level?.Invoke(e),
            Closes = level is null || level(e) >= needed,
        }).ToList().AsReadOnly())];
}

/// <summary>What closes each gap a position can have: <c>Skills[language][i]</c> for its i-th skill, <c>Certificates[language][i]</c> for its i-th certificate.</summary>
internal sealed record PositionClosers(ReadOnlyCollection<GapCloser>[][] Skills, ReadOnlyCollection<GapCloser>[][] Certificates)
{
    /// <summary>
    /// The position's gaps as students meet them, made the first time each is needed and shared after:
    /// a gap is the same for every student with the same level, weights and language (see
    /// <see cref="Matching.PositionMatcher"/>). Two threads may make the same gap at once; both are equal.
    /// </summary>
    public PositionGap?[] Gaps { get; } = new PositionGap?[Skills.Length * ((Skills.Length > 0 ? Skills[0].Length : 0) * Matching.PositionMatcher.GapLevels + (Certificates.Length > 0 ? Certificates[0].Length : 0)) * Matching.PositionMatcher.GapVariants];
}
