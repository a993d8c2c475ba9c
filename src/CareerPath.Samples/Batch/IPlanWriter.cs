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

    /// <summary>
    /// The plan made ready to write (for example serialised to bytes), on any thread, so that the batch
    /// can do it on several cores; null when the writer does all its work in <see cref="Write"/>.
    /// </summary>
    object? Prepare(CareerPlan plan) => null;

    /// <summary>Writes one plan; <paramref name="prepared"/> is what <see cref="Prepare"/> made of it.</summary>
    void Write(CareerPlan plan, object? prepared);

    /// <summary>Puts plans that <see cref="Write"/> held back into the output; the batch calls it after each group of plans.</summary>
    void Flush()
    {
    }

    /// <summary>Finishes the output; without it, <see cref="IDisposable.Dispose"/> leaves no partial file behind.</summary>
    void Complete();
}
