namespace CareerPath.Samples.Batch;

/// <summary>The cohort cannot be read at all (no file, no header, unknown columns): the batch does not start.</summary>
internal sealed class CohortInputException : Exception
{
    public CohortInputException(string message)
        : base(message)
    {
    }

    public CohortInputException()
    {
    }

    public CohortInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
