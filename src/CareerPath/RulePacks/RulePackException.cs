namespace CareerPath;

/// <summary>
/// A rule pack that cannot be used: every problem found in every file of it, each with the file,
/// line, column, rule id and field, and what to change. A pack with any error is never used.
/// </summary>
public sealed class RulePackException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    /// <param name="errors">Every problem found, at least one.</param>
    public RulePackException(IReadOnlyList<InputError> errors)
        : base(Format(errors))
    {
        Errors = errors;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public RulePackException()
        : this([new InputError("rule pack", 0, 0, "the rule pack is not valid.")])
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    /// <param name="message">What is wrong.</param>
    public RulePackException(string message)
        : this([new InputError("rule pack", 0, 0, message)])
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public RulePackException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [new InputError("rule pack", 0, 0, message)];
    }

    /// <summary>Every problem found, in file order.</summary>
    public IReadOnlyList<InputError> Errors { get; }

    private static string Format(IReadOnlyList<InputError> errors) =>
        errors.Count == 1
            ? "The rule pack is not valid: " + errors[0]
            : $"The rule pack has {errors.Count} problems:" + Environment.NewLine + string.Join(Environment.NewLine, errors);
}
