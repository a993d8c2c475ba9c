namespace CareerPath.Samples.Batch;

/// <summary>A student who needs a counselor now: the id only, and why.</summary>
internal sealed record CounselorCase(string StudentId, CounselorReasons Reasons, int OverdueSteps, int? MonthsSinceGraduation);
