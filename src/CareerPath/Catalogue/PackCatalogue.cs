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

    private readonly FrozenDictionary<(string Position, string Kind, string Item, string Language), ReadOnlyCollection<GapCloser>> _closers;

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
    }

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
        foreach (var id in held)
        {
            if (Certificates.TryGetValue(id, out var certificate) && certificate.Includes.Count > 0)
            {
                all ??= [.. held];
                var stack = new Stack<string>(certificate.Includes);
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
            }
        }

        return all ?? (IReadOnlyCollection<string>)held;
    }

    /// <summary>
    /// The learning entries that close a gap of <paramref name="position"/> (<paramref name="kind"/> is
    /// <c>skill</c> or <c>certificate</c>), those that reach the needed level first; empty when none does.
    /// </summary>
    public IReadOnlyList<GapCloser> ClosersFor(Position position, string kind, string item, string language) =>
        _closers.TryGetValue((position.Id, kind, item, language), out var closers) ? closers : NoClosers;

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

    private FrozenDictionary<(string, string, string, string), ReadOnlyCollection<GapCloser>> IndexClosers()
    {
        var index = new Dictionary<(string, string, string, string), ReadOnlyCollection<GapCloser>>();
        var ordered = Learning.Values.OrderBy(e => e.Kind == "module" ? 0 : 1).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
        foreach (var position in Positions.Values)
        {
            var family = Feeders(position.Major);
            var open = ordered.Where(e => e.Majors.Count == 0 || e.Majors.Any(family.Contains)).ToList();
            foreach (var (skill, needed) in position.Skills)
            {
                var teaching = open.Where(e => e.Skills.ContainsKey(skill))
                    .OrderByDescending(e => e.Skills[skill] >= needed)
                    .ThenBy(e => e.Skills[skill] >= needed ? 0 : -e.Skills[skill])
                    .ToList();
                AddClosers(index, position, "skill", skill, teaching, e => e.Skills[skill], needed);
            }

            foreach (var certificate in position.Certificates)
            {
                AddClosers(index, position, "certificate", certificate, [.. open.Where(e => e.Certificates.Contains(certificate))], null, 0);
            }
        }

        return index.ToFrozenDictionary();
    }

    private void AddClosers(
        Dictionary<(string, string, string, string), ReadOnlyCollection<GapCloser>> index,
        Position position, string kind, string item, List<LearningEntry> entries, Func<LearningEntry, int>? level, int needed)
    {
        if (entries.Count == 0)
        {
            return;
        }

        foreach (var language in Languages)
        {
            index[(position.Id, kind, item, language)] = entries.Select(e => new GapCloser
            {
                Kind = e.Kind,
                Id = e.Id,
                Name = e.Name[language],
                Level = level?.Invoke(e),
                Closes = level is null || level(e) >= needed,
            }).ToList().AsReadOnly();
        }
    }
}
