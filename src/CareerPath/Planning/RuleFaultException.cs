namespace CareerPath;

/// <summary>
/// Thrown by <see cref="CareerPlanner.Plan"/> only when <see cref="PlanOptions.Strict"/> is set: a rule
/// failed while it was evaluated for a student. It names the student by id and each rule that failed with
/// its place in the pack, never any other data of the student; it carries no inner exception, whose
/// message could.
/// </summary>
public sealed class RuleFaultException : Exception
{
    /// <summary>Creates the exception for the faults of one plan.</summary>
    /// <param name="studentId">The id of the student whose plan failed.</param>
    /// <param name="faults">The <c>rule-fault</c> diagnostics, at least one.</param>
    public RuleFaultException(string studentId, IReadOnlyList<PlanDiagnostic> faults)
        : base(Format(studentId, faults))
    {
        StudentId = studentId;
        Faults = faults;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public RuleFaultException()
        : this("(unknown)", [new PlanDiagnostic("rule-fault", null, "a rule failed.")])
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    /// <param name="message">What failed.</param>
    public RuleFaultException(string message)
        : this("(unknown)", [new PlanDiagnostic("rule-fault", null, message)])
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="innerException">The cause.</param>
    public RuleFaultException(string message, Exception innerException)
        : base(message, innerException)
    {
        StudentId = "(unknown)";
        Faults = [new PlanDiagnostic("rule-fault", null, message)];
    }

    /// <summary>The id of the student whose plan failed.</summary>
    public string StudentId { get; }

    /// <summary>The id of the first rule that failed.</summary>
    public string? RuleId => Faults[0].RuleId;

    /// <summary>Every rule that failed for this student, as the diagnostics a plan would have carried.</summary>
    public IReadOnlyList<PlanDiagnostic> Faults { get; }

    private static string Format(string studentId, IReadOnlyList<PlanDiagnostic> faults)
    {
        ArgumentNullException.ThrowIfNull(faults);
        return $"The plan for student '{studentId}' failed in strict mode: " + string.Join(" ", faults.Select(f => f.Message));
    }
}
