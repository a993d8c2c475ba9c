namespace CareerPath;

/// <summary>Makes full-course career plans. Implementations are thread-safe and synchronous.</summary>
public interface ICareerPlanner
{
    /// <summary>The rule set plans are made from.</summary>
    RuleSet RuleSet { get; }

    /// <summary>Makes the student's plan.</summary>
    /// <param name="student">The student.</param>
    /// <param name="options">Options such as the language; null for the defaults.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="StudentProfileException">The student's record does not fit the rule set (an unknown major, a year the stage does not have, ...).</exception>
    /// <exception cref="ArgumentException">The language is not one of the pack's.</exception>
    CareerPlan Plan(StudentProfile student, PlanOptions? options = null);
}
