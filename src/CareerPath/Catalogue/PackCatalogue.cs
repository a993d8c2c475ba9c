using System.Collections.Frozen;

namespace CareerPath.Catalogue;

/// <summary>Everything a pack names: skills, certificates, majors, positions and pathways. Immutable.</summary>
internal sealed class PackCatalogue(
    IReadOnlyList<string> languages,
    FrozenDictionary<string, Skill> skills,
    FrozenDictionary<string, Certificate> certificates,
    FrozenDictionary<string, Major> majors,
    FrozenDictionary<string, Position> positions,
    FrozenDictionary<string, Pathway> pathways)
{
    /// <summary>The pack's languages; the first is the default.</summary>
    public IReadOnlyList<string> Languages { get; } = languages;

    public FrozenDictionary<string, Skill> Skills { get; } = skills;

    public FrozenDictionary<string, Certificate> Certificates { get; } = certificates;

    public FrozenDictionary<string, Major> Majors { get; } = majors;

    public FrozenDictionary<string, Position> Positions { get; } = positions;

    public FrozenDictionary<string, Pathway> Pathways { get; } = pathways;
}
