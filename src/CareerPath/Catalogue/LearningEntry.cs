namespace CareerPath.Catalogue;

/// <summary>A module (course) or practice base in which students build skills or prepare certificates.</summary>
/// <param name="Kind"><c>module</c> or <c>practice-base</c>.</param>
/// <param name="Majors">The majors whose students take it; empty when it is open to every major.</param>
/// <param name="Skills">Skill id to the level (1-5) a student who completes it reaches.</param>
/// <param name="Certificates">Ids of the certificates it prepares students for.</param>
internal sealed record LearningEntry(
    string Id,
    string Kind,
    IReadOnlyList<string> Majors,
    LocalizedText Name,
    IReadOnlyDictionary<string, int> Skills,
    IReadOnlyList<string> Certificates);
