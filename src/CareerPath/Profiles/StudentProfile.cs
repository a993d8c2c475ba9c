using System.Collections.Frozen;
using System.Text;

namespace CareerPath;

/// <summary>
/// One student as CareerPath sees them: programme, position on the pathway, skills, certificates and goals.
/// </summary>
/// <remarks>
/// <see cref="Name"/> is personal data: CareerPath never logs it, never puts it in an error message
/// and never shows it to rule conditions. <see cref="ToString"/> prints the id only.
/// Read profiles from files with <see cref="StudentProfileReader"/>, or build them in code:
/// <code>
/// var student = new StudentProfile
/// {
///     Id = "2024-cnt-0012", Major = "computer-network-technology",
///     Pathway = "2+3+2", Stage = "secondary-vocational", Year = 1,
/// };
/// </code>
/// </remarks>
public sealed record StudentProfile
{
    private static readonly IReadOnlyDictionary<string, int> NoSkills = FrozenDictionary<string, int>.Empty;

    /// <summary>The school's id for the student; the only field that appears in logs and errors.</summary>
    public required string Id { get; init; }

    /// <summary>The student's name, optional. Personal data: never logged.</summary>
    public string? Name { get; init; }

    /// <summary>The catalogue id of the major of the programme the student is in.</summary>
    public required string Major { get; init; }

    /// <summary>The pathway id, for example <c>3+2</c> or <c>2+3+2</c>.</summary>
    public required string Pathway { get; init; }

    /// <summary>
    /// The stage the student is in: <c>secondary-vocational</c>, <c>higher-vocational</c>,
    /// <c>undergraduate</c>, <c>graduate</c> (a master's student) or <c>graduated</c>.
    /// </summary>
    public required string Stage { get; init; }

    /// <summary>The 1-based year within the stage; 0 for graduates.</summary>
    public int Year { get; init; }

    /// <summary>The term within the year, 1 or 2 (1 when not known).</summary>
    public int Term { get; init; } = 1;

    /// <summary>Skill levels from 0 (none) to 5 (expert), by skill id.</summary>
    public IReadOnlyDictionary<string, int> Skills { get; init; } = NoSkills;

    /// <summary>Ids of the certificates the student holds.</summary>
    public IReadOnlyList<string> Certificates { get; init; } = [];

    /// <summary>Holland RIASEC letters, strongest first (for example <c>RIC</c>); empty when not known.</summary>
    public string Interests { get; init; } = string.Empty;

    /// <summary>What the student aims for: <c>employment</c>, <c>further-study</c> or <c>undecided</c>.</summary>
    public string Goal { get; init; } = "undecided";

    /// <summary>Ids of positions the student has chosen as targets, if any.</summary>
    public IReadOnlyList<string> TargetPositions { get; init; } = [];

    /// <summary>Grade point average from 0 to 4, when known.</summary>
    public double? Gpa { get; init; }

    /// <summary>For graduates: months since graduation and employment.</summary>
    public GraduationRecord? Graduation { get; init; }

    /// <summary>Prints the id only: the rest of a profile is personal data.</summary>
    /// <returns><c>StudentProfile { Id = ... }</c>.</returns>
    public override string ToString() => $"StudentProfile {{ Id = {Id} }}";

    /// <summary>Keeps the compiler's record printing from exposing personal data.</summary>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Id = ").Append(Id);
        return true;
    }
}
