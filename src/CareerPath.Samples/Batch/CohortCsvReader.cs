using System.Globalization;
using CsvHelper;

namespace CareerPath.Samples.Batch;

/// <summary>
/// Reads a cohort CSV file (docs/cohort-format.md) one row at a time, as a school information system
/// exports it. A row's number is its line in the file (the header is line 1): a line break always ends
/// a row, so one stray quote spoils one row, not the rest of the file.
/// </summary>
internal sealed class CohortCsvReader : ICohortSource
{
    /// <summary>The documented columns, in the order the generator writes them; any order is read.</summary>
    public static readonly IReadOnlyList<string> Columns =
        ["id", "major", "pathway", "stage", "year", "term", "goal", "interests", "gpa", "skills", "certificates", "targetPositions", "graduationMonths", "employed", "jobPosition"];

    /// <summary>A column a school's export may carry. It is personal data: allowed, and never read.</summary>
    public const string NameColumn = "name";

    private static readonly string[] Required = ["id", "major", "pathway", "stage"];

    /// <summary>The longest row read, in characters; a longer one stops the batch as not CSV.</summary>
    private const int MaxRowChars = 1024 * 1024;

    private readonly string path;
    private readonly CsvReader reader;
    private readonly Queue<CohortEntry> malformed;
    private readonly Dictionary<string, int> columns;
    private readonly int headerCount;

    private CohortCsvReader(string path, CsvReader reader, Queue<CohortEntry> malformed, Dictionary<string, int> columns, int headerCount)
    {
        this.path = path;
        this.reader = reader;
        this.malformed = malformed;
        this.columns = columns;
        this.headerCount = headerCount;
        Size = new FileInfo(path).Length;
    }

    public long Size { get; }

    public long Position => reader.ByteOffset;

    /// <summary>Opens the file and checks its header.</summary>
    /// <exception cref="CohortInputException">The file is missing, unreadable or its header is wrong.</exception>
    public static CohortCsvReader Open(string path)
    {
        if (!File.Exists(path))
        {
            throw new CohortInputException($"{path}: the file does not exist.");
        }

        var malformed = new Queue<CohortEntry>();
        var options = CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = true,
            TrackLineNumbers = true,
            AllowLineBreaksInQuotes = false,
            TrimWhitespace = true,
            SkipEmptyLines = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            // A student's row is a few hundred bytes; a longer one is not a CSV export (and /dev/zero
            // would otherwise be read for seconds before the reader gives up).
            MaxRecordSize = MaxRowChars,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            IncludeValuesInExceptions = false,
            OnMalformedRecord = record => malformed.Enqueue(
                CohortEntry.Bad($"{path}:row {record.LineNumber}", [$"{path}:row {record.LineNumber}: {Describe(record.Reason)}"])),
        };

        CsvReader reader;
        try
        {
            reader = CsvReader.FromFile(path, options, FileOptions.SequentialScan);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CohortInputException($"{path}: the file cannot be read ({exception.Message}).", exception);
        }

        try
        {
            var headers = Guarded(path, () => reader.Headers);

            // A header with broken quoting is skipped like a bad row, and the next line taken for it.
            if (malformed.FirstOrDefault(m => m.Where == $"{path}:row 1") is { } badHeader)
            {
                throw new CohortInputException($"{badHeader.Problems[0]} The first line must be the header.");
            }

            var (columns, count) = CheckHeader(path, headers);
            return new CohortCsvReader(path, reader, malformed, columns, count);
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    public IEnumerable<CohortEntry> Read()
    {
        while (Guarded(path, reader.Read))
        {
            while (malformed.TryDequeue(out var bad))
            {
                yield return bad;
            }

            // Spreadsheets leave rows of empty cells at the end of an export; like empty lines, they are no one.
            if (!IsBlank())
            {
                yield return ReadRow();
            }
        }

        while (malformed.TryDequeue(out var bad))
        {
            yield return bad;
        }
    }

    public void Dispose() => reader.Dispose();

    /// <summary>
    /// Runs a step of the CSV reader, turning what it cannot read at all (a line longer than its buffer
    /// allows: a binary file, or one without line breaks) into a refusal of the input, not a crash.
    /// </summary>
    private static T Guarded<T>(string path, Func<T> step)
    {
        try
        {
            return step();
        }
        catch (CsvFormatException exception)
        {
            throw new CohortInputException($"{path}: the file cannot be read as CSV from here on: a line is longer than 1 MiB, or there are no line breaks at all. Is it a CSV export? ({exception.GetType().Name})", exception);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CohortInputException($"{path}: the file cannot be read ({exception.Message}).", exception);
        }
    }

    private static (Dictionary<string, int> Columns, int Count) CheckHeader(string path, IReadOnlyList<string> headers)
    {
        var where = $"{path}:row 1";
        if (headers.Count == 0 || headers.All(string.IsNullOrWhiteSpace))
        {
            throw new CohortInputException($"{where}: the file is empty; its first line must be the header, for example: {string.Join(',', Columns)}");
        }

        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        var unknown = new List<string>();
        var problems = new List<string>();
        for (var i = 0; i < headers.Count; i++)
        {
            var header = headers[i].Trim();
            if (string.Equals(header, NameColumn, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var column = Columns.FirstOrDefault(c => string.Equals(c, header, StringComparison.OrdinalIgnoreCase));
            if (column is null)
            {
                unknown.Add(header);
            }
            else if (!found.TryAdd(column, i))
            {
                problems.Add($"{where}: the column '{column}' appears twice.");
            }
        }

        if (unknown.Count > 0)
        {
            var names = string.Join(", ", unknown.Select(u => $"'{u}'"));
            problems.Insert(0, $"{where}: unknown column{(unknown.Count == 1 ? string.Empty : "s")} {names}; the columns are {string.Join(", ", Columns)} (and {NameColumn}, which is never read).");
        }

        var missing = Required.Where(r => !found.ContainsKey(r)).ToList();
        if (missing.Count > 0)
        {
            problems.Add($"{where}: the header has no {string.Join(", ", missing)} column{(missing.Count == 1 ? string.Empty : "s")}; {string.Join(", ", Required)} are required.");
        }

        if (problems.Count > 0)
        {
            throw new CohortInputException(string.Join(Environment.NewLine, problems));
        }

        return (found, headers.Count);
    }

    private static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.LineBreakInQuotes or CsvMalformedReason.UnterminatedQuote =>
            "a quoted cell is not closed on its line (a line break always ends a row); close the quote.",
        CsvMalformedReason.StrayQuote =>
            "a cell that does not start with a quote has a quote in it; quote the whole cell and double the quote inside (\"\").",
        CsvMalformedReason.TextAfterClosingQuote =>
            "text follows the closing quote of a cell; put the whole cell in quotes and double the quotes inside (\"\").",
        _ => $"the row is not valid CSV ({reason}).",
    };

    private bool IsBlank()
    {
        for (var i = 0; i < reader.FieldCount; i++)
        {
            if (!reader.IsEmpty(i))
            {
                return false;
            }
        }

        return true;
    }

    private CohortEntry ReadRow()
    {
        var where = $"{path}:row {reader.LineNumber}";
        if (reader.FieldCount != headerCount)
        {
            return CohortEntry.Bad(where, [$"{where}: the row has {reader.FieldCount} cells, but the header has {headerCount} columns; a cell with a comma in it must be quoted."]);
        }

        var problems = new List<string>();
        void Problem(string message) => problems.Add($"{where}: {message}");

        foreach (var column in Required)
        {
            if (Cell(column).Length == 0)
            {
                Problem($"{column}: the cell is empty, and a student needs one.");
            }
        }

        var stage = Cell("stage");
        var year = WholeNumber("year", 0, Problem);
        var term = WholeNumber("term", 1, Problem);
        var gpa = Gpa(Problem);
        var skills = Skills(Cell("skills"), Problem);
        var graduation = Graduation(stage, Problem);
        if (problems.Count > 0)
        {
            return CohortEntry.Bad(where, problems);
        }

        var goal = Cell("goal");
        return CohortEntry.Read(where, new StudentProfile
        {
            Id = Cell("id"),
            Major = Cell("major"),
            Pathway = Cell("pathway"),
            Stage = stage,
            Year = year,
            Term = term,
            Goal = goal.Length == 0 ? "undecided" : goal,
            Interests = Cell("interests"),
            Gpa = gpa,
            Skills = skills,
            Certificates = List(Cell("certificates")),
            TargetPositions = List(Cell("targetPositions")),
            Graduation = graduation,
        });
    }

    private string Cell(string column) => columns.TryGetValue(column, out var index) ? reader.GetString(index).Trim() : string.Empty;

    private int WholeNumber(string column, int empty, Action<string> problem)
    {
        var cell = Cell(column);
        if (cell.Length == 0)
        {
            return empty;
        }

        if (int.TryParse(cell, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        problem($"{column}: the cell must be a whole number.");
        return empty;
    }

    private double? Gpa(Action<string> problem)
    {
        var cell = Cell("gpa");
        if (cell.Length == 0)
        {
            return null;
        }

        if (double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var gpa))
        {
            return gpa;
        }

        // The value itself is a grade: personal enough to keep out of the message.
        problem("gpa: the cell must be a number from 0 to 4, with a point for decimals (3.1).");
        return null;
    }

    private static Dictionary<string, int> Skills(string cell, Action<string> problem)
    {
        var skills = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var part in cell.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            var id = colon > 0 ? part[..colon].Trim() : string.Empty;
            var level = colon > 0 ? part[(colon + 1)..].Trim() : string.Empty;
            if (id.Length == 0 || level.Length == 0)
            {
                problem($"skills: '{Shorten(part)}' is not skill:level; write each skill as its id, a colon and a level from 0 to 5, separated by ';' (network-configuration:3;linux-administration:2).");
            }
            else if (!int.TryParse(level, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                problem($"skills: the level of '{Shorten(id)}' must be a whole number from 0 (none) to 5 (expert).");
            }
            else if (!skills.TryAdd(id, value))
            {
                problem($"skills: '{Shorten(id)}' is given twice.");
            }
        }

        return skills;
    }

    private GraduationRecord? Graduation(string stage, Action<string> problem)
    {
        var months = Cell("graduationMonths");
        var employed = Cell("employed");
        var job = Cell("jobPosition");
        if (stage is not ("graduated" or "graduate"))
        {
            if (months.Length > 0 || employed.Length > 0 || job.Length > 0)
            {
                problem("graduationMonths, employed and jobPosition are only for students whose stage is graduated or graduate; leave them empty.");
            }

            return null;
        }

        if (months.Length == 0)
        {
            if (stage == "graduated")
            {
                problem("graduationMonths: a graduated student needs the whole months since graduation (and employed: true or false).");
            }

            return null;
        }

        bool? isEmployed = employed.ToUpperInvariant() switch
        {
            "" or "FALSE" or "NO" or "0" => false,
            "TRUE" or "YES" or "1" => true,
            _ => null,
        };
        if (isEmployed is null)
        {
            problem("employed: the cell must be true or false (or yes, no, 1, 0).");
        }

        return new GraduationRecord
        {
            MonthsSince = WholeNumber("graduationMonths", 0, problem),
            Employed = isEmployed ?? false,
            Position = job.Length == 0 ? null : job,
        };
    }

    private static string[] List(string cell) => cell.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
