namespace CareerPath.Catalogue;

/// <param name="Riasec">Holland code, 1 to 3 letters of RIASEC.</param>
/// <param name="Skills">Skill id to the level the position needs.</param>
internal sealed record Position(
    string Id,
    string Major,
    LocalizedText Name,
    string Riasec,
    IReadOnlyDictionary<string, int> Skills,
    IReadOnlyList<string> Certificates,
    LocalizedText? Employers)
{
    /// <summary>The ids of <see cref="Skills"/>, in its order (for the per-student path: no enumerator, no lookups).</summary>
    public string[] SkillIds { get; } = [.. Skills.Keys];

    /// <summary>The levels of <see cref="Skills"/>, in the order of <see cref="SkillIds"/>.</summary>
    public int[] SkillLevels { get; } = [.. Skills.Values];

    /// <summary>The sum of <see cref="SkillLevels"/>.</summary>
    public int NeededLevels { get; } = Skills.Values.Sum();
}
