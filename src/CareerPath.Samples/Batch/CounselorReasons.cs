namespace CareerPath.Samples.Batch;

/// <summary>Why a student needs a counselor now; a student may have several reasons.</summary>
[Flags]
internal enum CounselorReasons
{
    None = 0,

    /// <summary>Graduated and not employed: the most urgent.</summary>
    GraduatedNotEmployed = 1,

    /// <summary>In the last year of the pathway's last stage and has chosen no target position.</summary>
    FinalYearWithoutTarget = 2,

    /// <summary>At least one step of the plan is overdue.</summary>
    StepsOverdue = 4,
}
