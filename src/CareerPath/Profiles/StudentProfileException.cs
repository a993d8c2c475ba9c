namespace CareerPath;

/// <summary>
/// A student record that cannot be planned: every problem in it, each with the file, line, field and
/// what is allowed. The message names the student by id only.
/// </summary>
public sealed class StudentProfileException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    /// <param name="errors">Every problem found, at least one.</param>
    public StudentProfileException(IReadOnlyList<InputError> errors)
        : base(Format(errors))
    {
        Errors = errors;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public StudentProfileException()
        : this([new InputError("student", 0, 0, "the student record is not valid.")])
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    /// <param name="message">What is wrong.</param>
    public StudentProfileException(string message)
        : this([new InputError("student", 0, 0, message)])
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public StudentProfileException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [new InputError("student", 0, 0, message)];
    }

    /// <summary>Every problem found, in file order.</summary>
    public IReadOnlyList<InputError> Errors { get; }

    private static string Format(IReadOnlyList<InputError> errors) =>
        errors.Count == 1
            ? "The student record is not valid: " + errors[0]
            : $"The student record has {errors.Count} problems:" + Environment.NewLine + string.Join(Environment.NewLine, errors);
}
