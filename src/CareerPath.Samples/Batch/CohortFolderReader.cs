namespace CareerPath.Samples.Batch;

/// <summary>
/// Reads a folder of student records (<c>.yaml</c>, <c>.yml</c>, <c>.json</c>; docs/student-format.md),
/// one file at a time in file-name order. A file with mistakes is an entry with every located problem.
/// </summary>
internal sealed class CohortFolderReader : ICohortSource
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    private readonly IReadOnlyList<string> files;
    private readonly RuleSet ruleSet;

    private CohortFolderReader(IReadOnlyList<string> files, RuleSet ruleSet)
    {
        this.files = files;
        this.ruleSet = ruleSet;
    }

    public long Size => files.Count;

    public long Position { get; private set; }

    /// <summary>Lists the folder's records.</summary>
    /// <exception cref="CohortInputException">The folder cannot be listed or has no records.</exception>
    public static CohortFolderReader Open(string folder, RuleSet ruleSet)
    {
        List<string> files;
        try
        {
            // Only names are held, never records: a folder of 100,000 files is a list of 100,000 paths.
            files = [.. Directory.EnumerateFiles(folder)
                .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)];
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CohortInputException($"{folder}: the folder cannot be read ({exception.Message}).", exception);
        }

        if (files.Count == 0)
        {
            throw new CohortInputException($"{folder}: the folder has no student records (.yaml, .yml or .json files).");
        }

        return new CohortFolderReader(files, ruleSet);
    }

    public IEnumerable<CohortEntry> Read()
    {
        foreach (var file in files)
        {
            Position++;
            CohortEntry entry;
            try
            {
                entry = CohortEntry.Read(file, StudentProfileReader.ReadFile(file, ruleSet));
            }
            catch (StudentProfileException exception)
            {
                entry = CohortEntry.Bad(file, [.. exception.Errors.Select(e => e.ToString())]);
            }

            yield return entry;
        }
    }

    public void Dispose()
    {
    }
}
