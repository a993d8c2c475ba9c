namespace CareerPath;

/// <summary>Where a phase lies relative to the student's current term.</summary>
public enum PhaseStatus
{
    /// <summary>The phase's window has passed.</summary>
    Done,

    /// <summary>The student is in this phase now; exactly one phase of a plan is current.</summary>
    Current,

    /// <summary>The phase lies ahead.</summary>
    Upcoming,
}
