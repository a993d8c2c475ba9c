namespace CareerPath;

/// <summary>Where a graduate stands after leaving the programme; drives the career-rooting phase.</summary>
public sealed record GraduationRecord
{
    /// <summary>Whole months since graduation (0 in the month of graduation).</summary>
    public int MonthsSince { get; init; }

    /// <summary>Whether the graduate has a job.</summary>
    public bool Employed { get; init; }

    /// <summary>The position id of the graduate's job, when known.</summary>
    public string? Position { get; init; }

    /// <summary>
    /// Whether the job is in the graduate's major. When not given, it is taken as true when
    /// <see cref="Position"/> is one of the major's positions in the pack.
    /// </summary>
    public bool? InMajor { get; init; }
}
