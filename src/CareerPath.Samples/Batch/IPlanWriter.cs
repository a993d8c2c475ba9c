namespace CareerPath.Samples.Batch;

/// <summary>
/// Where a batch puts its plans. Each output file is written under a temporary name and moved into
/// place when it is complete, so a file in the output folder is whole or absent.
/// </summary>
internal interface IPlanWriter : IDisposable
{
    /// <summary>Where the plans go, in words, for the summary.</summary>
    string Describe();

    /// <summary>The file name a student's plan gets, or null when all plans share one file.</summary>
    string? FileNameFor(string studentId);

    void Write(CareerPlan plan);

    /// <summary>Finishes the output; without it, <see cref="IDisposable.Dispose"/> leaves no partial file behind.</summary>
    void Complete();
}
