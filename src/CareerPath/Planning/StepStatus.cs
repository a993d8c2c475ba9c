namespace CareerPath;

/// <summary>Where a step lies relative to the student's current term.</summary>
public enum StepStatus
{
    /// <summary>Done: its rule's <c>doneWhen</c> holds, or it was due earlier and has no <c>doneWhen</c>.</summary>
    Done,

    /// <summary>Due in the current term (for graduates: at the follow-up point they have reached).</summary>
    Now,

    /// <summary>Due after the current term.</summary>
    Upcoming,

    /// <summary>Was due earlier and its <c>doneWhen</c> does not hold yet.</summary>
    Overdue,
}
