namespace CareerPath.Samples.Batch;

/// <summary>Where a batch reads its students from: a CSV file or a folder of records.</summary>
internal interface ICohortSource : IDisposable
{
    /// <summary>How much there is to read, in the unit of <see cref="Position"/>, for a progress bar.</summary>
    long Size { get; }

    /// <summary>How much has been read: bytes of a CSV file, files of a folder.</summary>
    long Position { get; }

    /// <summary>The students in input order, one at a time; a bad one is an entry with its problems.</summary>
    IEnumerable<CohortEntry> Read();
}
