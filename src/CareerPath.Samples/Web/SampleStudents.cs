namespace CareerPath.Samples.Web;

/// <summary>
/// The sample records the page offers, read once at start-up and checked against the pack. Each is
/// known by its file name (<c>cnt-232-higher-y3</c>); a name in a record never leaves the server.
/// </summary>
internal sealed class SampleStudents
{
    private readonly Dictionary<string, StudentProfile> _byKey;

    private SampleStudents(Dictionary<string, StudentProfile> byKey) => _byKey = byKey;

    public static SampleStudents None { get; } = new(new Dictionary<string, StudentProfile>(StringComparer.Ordinal));

    public IEnumerable<KeyValuePair<string, StudentProfile>> All => _byKey.OrderBy(pair => pair.Key, StringComparer.Ordinal);

    /// <summary>
    /// Reads every record in <paramref name="folder"/>. A record with errors is left out, with one line
    /// on <paramref name="error"/> (with another pack, most samples may not fit; <c>plan</c> shows every problem).
    /// </summary>
    public static SampleStudents Load(string folder, RuleSet ruleSet, TextWriter error)
    {
        var byKey = new Dictionary<string, StudentProfile>(StringComparer.Ordinal);
        var files = Directory.EnumerateFiles(folder)
            .Where(file => Path.GetExtension(file).ToUpperInvariant() is ".YAML" or ".YML" or ".JSON")
            .Order(StringComparer.Ordinal)
            .ToList();
        var leftOut = 0;
        foreach (var file in files)
        {
            try
            {
                var student = StudentProfileReader.ReadFile(file, ruleSet);
                // a.yaml and a.json are two samples: the second is known by its whole file name.
                var key = Path.GetFileNameWithoutExtension(file);
                byKey.Add(byKey.ContainsKey(key) ? Path.GetFileName(file) : key, student);
            }
            catch (StudentProfileException exception)
            {
                leftOut++;
                var problems = exception.Errors.Count == 1 ? "1 problem" : $"{exception.Errors.Count} problems";
                error.WriteLine($"{exception.Errors[0]} (sample left out: {problems})");
            }
        }

        if (leftOut > 0)
        {
            error.WriteLine($"careerpath: {leftOut} of {files.Count} sample students do not fit {ruleSet} and are left out; 'careerpath plan <file>' with the same --rules lists each problem.");
        }

        return new SampleStudents(byKey);
    }

    public StudentProfile? Find(string key) => _byKey.GetValueOrDefault(key);

    /// <summary>The record as the JSON a request to <c>POST /api/plan</c> takes, without the name.</summary>
    public static StudentRecord Record(StudentProfile student)
    {
        ArgumentNullException.ThrowIfNull(student);
        var graduated = student.Graduation is not null || student.Stage is "graduated" or "graduate";
        return new StudentRecord(
            student.Id,
            student.Major,
            student.Pathway,
            student.Stage,
            graduated ? null : student.Year,
            graduated ? null : student.Term,
            student.Skills,
            student.Certificates,
            student.Interests.Length > 0 ? student.Interests : null,
            student.Goal,
            student.TargetPositions,
            student.Gpa,
            student.Graduation);
    }
}

/// <summary>A student record in the JSON form of docs/student-format.md (nulls left out when written); it has no field for a name.</summary>
internal sealed record StudentRecord(
    string Id,
    string Major,
    string Pathway,
    string Stage,
    int? Year,
    int? Term,
    IReadOnlyDictionary<string, int> Skills,
    IReadOnlyList<string> Certificates,
    string? Interests,
    string Goal,
    IReadOnlyList<string> TargetPositions,
    double? Gpa,
    GraduationRecord? Graduation);

/// <summary>One line of <c>GET /api/students</c>: where the sample student stands, and a label in each language.</summary>
internal sealed record SampleStudentLabel(string Id, string Major, string Pathway, string Stage, int? Year, IReadOnlyDictionary<string, string> Label);
