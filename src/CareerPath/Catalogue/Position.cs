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
    LocalizedText? Employers);
