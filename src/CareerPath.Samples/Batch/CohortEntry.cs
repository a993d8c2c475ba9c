namespace CareerPath.Samples.Batch;

/// <summary>
/// One student of a cohort as read: the profile, or every reason it could not be read (never both).
/// </summary>
/// <param name="Where">Where the student is in the input, for messages: <c>cohort.csv:row 17</c> or a record's file.</param>
/// <param name="Student">The profile, or null when the row or file could not be read.</param>
/// <param name="Problems">Each problem as a whole line, already located; empty when <paramref name="Student"/> is set.</param>
internal sealed record CohortEntry(string Where, StudentProfile? Student, IReadOnlyList<string> Problems)
{
    public static CohortEntry Read(string where, StudentProfile student) => new(where, student, []);

    public static CohortEntry Bad(string where, IReadOnlyList<string> problems) => new(where, null, problems);
}
