using System.Collections.Frozen;
using CareerPath.Profiles;
using CareerPath.Yaml;

namespace CareerPath;

/// <summary>
/// Reads student records from YAML or JSON files with camelCase keys (docs/student-format.md).
/// </summary>
/// <remarks>
/// Every problem in a file is reported at once in one <see cref="StudentProfileException"/>, each
/// with the file, line, column and field, and what is allowed. When a <see cref="RuleSet"/> is given,
/// ids (major, pathway, stage, skills, certificates, positions) are checked against its catalogue too.
/// <code>
/// var student = StudentProfileReader.ReadFile("samples/students/cnt-232-secondary-y1.yaml", ruleSet);
/// </code>
/// </remarks>
public static class StudentProfileReader
{
    /// <summary>Largest student file accepted with the default <see cref="InputLimits"/>, in bytes.</summary>
    public const int MaxFileBytes = 1024 * 1024;

    private static readonly string[] Keys =
        ["id", "name", "major", "pathway", "stage", "year", "term", "skills", "certificates", "interests", "goal", "targetPositions", "gpa", "graduation"];

    private static readonly string[] GraduationKeys = ["monthsSince", "employed", "position", "inMajor"];

    /// <summary>Reads one student from a <c>.yaml</c>, <c>.yml</c> or <c>.json</c> file.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="ruleSet">When given, the rule set whose catalogue the ids must exist in.</param>
    /// <returns>The student.</returns>
    /// <exception cref="StudentProfileException">The file cannot be read or is not a valid student record.</exception>
    public static StudentProfile ReadFile(string path, RuleSet? ruleSet = null) => ReadFile(path, ruleSet, InputLimits.Default);

    /// <summary>Reads one student from a file, as <see cref="ReadFile(string, RuleSet?)"/> does, within <paramref name="limits"/>.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="ruleSet">When given, the rule set whose catalogue the ids must exist in.</param>
    /// <param name="limits">The most the reader accepts (file size, nesting, text length, items in each list).</param>
    /// <returns>The student.</returns>
    /// <exception cref="StudentProfileException">The file cannot be read, is over a limit, or is not a valid student record.</exception>
    public static StudentProfile ReadFile(string path, RuleSet? ruleSet, InputLimits limits)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(limits);
        var errors = new InputErrorList(limits);
        var text = TextFiles.Read(path, limits.MaxStudentFileBytes, nameof(InputLimits.MaxStudentFileBytes), errors);
        if (text is null)
        {
            throw new StudentProfileException(errors.ToList());
        }

        return Read(text, path, ruleSet, limits);
    }

    /// <summary>Reads one student from YAML or JSON text.</summary>
    /// <param name="text">The record.</param>
    /// <param name="sourceName">What to call the source in errors, usually the file name.</param>
    /// <param name="ruleSet">When given, the rule set whose catalogue the ids must exist in.</param>
    /// <returns>The student.</returns>
    /// <exception cref="StudentProfileException">The text is not a valid student record.</exception>
    public static StudentProfile Read(string text, string sourceName, RuleSet? ruleSet = null) => Read(text, sourceName, ruleSet, InputLimits.Default);

    /// <summary>Reads one student from YAML or JSON text, as <see cref="Read(string, string, RuleSet?)"/> does, within <paramref name="limits"/>.</summary>
    /// <param name="text">The record.</param>
    /// <param name="sourceName">What to call the source in errors, usually the file name.</param>
    /// <param name="ruleSet">When given, the rule set whose catalogue the ids must exist in.</param>
    /// <param name="limits">The most the reader accepts (size, nesting, text length, items in each list).</param>
    /// <returns>The student.</returns>
    /// <exception cref="StudentProfileException">The text is over a limit or is not a valid student record.</exception>
    public static StudentProfile Read(string text, string sourceName, RuleSet? ruleSet, InputLimits limits)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sourceName);
        ArgumentNullException.ThrowIfNull(limits);
        var errors = new InputErrorList(limits);
        if (text.Length > limits.MaxStudentFileBytes)
        {
            throw new StudentProfileException([new InputError(sourceName, 0, 0,
                $"the record is {text.Length:N0} characters long; a student record may have at most {limits.MaxStudentFileBytes:N0} bytes {InputLimits.HowToRaise(nameof(InputLimits.MaxStudentFileBytes))}.")]);
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            throw new StudentProfileException([new InputError(sourceName, 0, 0, "this is not a text file; a student record is YAML or JSON text.")]);
        }

        var root = YamlDocumentReader.Read(text, sourceName, errors, limits, quoteKeys: false);
        if (errors.Count > 0)
        {
            throw new StudentProfileException(errors.ToList());
        }

        if (root is null)
        {
            throw new StudentProfileException([new InputError(sourceName, 0, 0, "the file is empty; a student record needs at least id, major, pathway, stage and year.")]);
        }

        var student = ReadNode(root, sourceName, ruleSet, errors, limits);
        if (student is null || errors.Count > 0)
        {
            throw new StudentProfileException(errors.ToList(_ => 0));
        }

        return student;
    }

    /// <summary>Reads a student from a YAML node (a file's root, or a mapping inside a scenario file); null with errors added when it is not valid.</summary>
    internal static StudentProfile? ReadNode(YamlNode root, string sourceName, RuleSet? ruleSet, InputErrorList errors, InputLimits? limits = null)
    {
        limits ??= InputLimits.Default;
        var before = errors.Count;
        var reader = new YamlFieldReader(sourceName, errors) { QuoteValues = false };
        var mapping = reader.Mapping(root, "a student record", Keys);
        if (mapping is null)
        {
            return null;
        }

        var student = Bind(reader, mapping, out var places, out var failed);
        StudentProfileValidator.Validate(student, ruleSet?.Catalogue, (field, message) =>
        {
            if (!failed.Contains(RootField(field)))
            {
                var node = places.GetValueOrDefault(field) ?? places.GetValueOrDefault(RootField(field)) ?? mapping;
                errors.Add(sourceName, node, message, id: null, field);
            }
        }, limits);

        return errors.Count > before ? null : student;
    }

    private static string RootField(string field)
    {
        var end = field.IndexOfAny(['.', '[']);
        return end < 0 ? field : field[..end];
    }

    private static StudentProfile Bind(YamlFieldReader reader, YamlMapping mapping, out Dictionary<string, YamlNode> places, out HashSet<string> failed)
    {
        const string What = "the student record";
        places = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        failed = [];
        foreach (var entry in mapping.Entries)
        {
            places[entry.Key.Value] = entry.Value;
        }

        var errorsBefore = reader.Errors.Count;
        var failedFields = failed;
        T Track<T>(string field, T value)
        {
            if (reader.Errors.Count > errorsBefore)
            {
                failedFields.Add(field);
                errorsBefore = reader.Errors.Count;
            }

            return value;
        }

        var id = Track("id", reader.String(mapping, "id", required: true, What)) ?? string.Empty;
        var name = Track("name", mapping["name"] is { } nameNode ? reader.String(nameNode, "name", What) : null);
        var major = Track("major", reader.String(mapping, "major", required: true, What)) ?? string.Empty;
        var pathway = Track("pathway", reader.String(mapping, "pathway", required: true, What)) ?? string.Empty;
        var stage = Track("stage", reader.String(mapping, "stage", required: true, What)) ?? string.Empty;
        var needsYear = stage is not ("graduated" or "graduate");
        var year = Track("year", reader.Int(mapping, "year", required: needsYear && stage.Length > 0, What, 0, 100)) ?? 0;
        var term = Track("term", reader.Int(mapping, "term", required: false, What, 0, 100)) ?? 1;
        var skills = Track("skills", ReadSkills(reader, mapping, places));
        var certificates = Track("certificates", ReadList(reader, mapping, "certificates", places));
        var interests = Track("interests", reader.String(mapping, "interests", required: false, What)) ?? string.Empty;
        var goal = Track("goal", reader.String(mapping, "goal", required: false, What)) ?? "undecided";
        var targets = Track("targetPositions", ReadList(reader, mapping, "targetPositions", places));
        var gpa = Track("gpa", reader.Number(mapping, "gpa", required: false, What, double.MinValue, double.MaxValue));
        var graduation = Track("graduation", ReadGraduation(reader, mapping["graduation"], places));

        return new StudentProfile
        {
            Id = id,
            Name = name,
            Major = major,
            Pathway = pathway,
            Stage = stage,
            Year = year,
            Term = term,
            Skills = skills,
            Certificates = certificates,
            Interests = interests.ToUpperInvariant(),
            Goal = goal,
            TargetPositions = targets,
            Gpa = gpa,
            Graduation = graduation,
        };
    }

    private static FrozenDictionary<string, int> ReadSkills(YamlFieldReader reader, YamlMapping mapping, Dictionary<string, YamlNode> places)
    {
        var node = mapping["skills"];
        if (node is null || node is YamlScalar { IsNull: true })
        {
            return FrozenDictionary<string, int>.Empty;
        }

        if (node is not YamlMapping skills)
        {
            reader.Error(node, $"'skills' should map each skill id to a level from 0 to 5, like 'skills: {{ network-configuration: 2 }}', but this is {reader.Shown(node)}.", field: "skills");
            return FrozenDictionary<string, int>.Empty;
        }

        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var entry in skills.Entries)
        {
            places["skills." + entry.Key.Value] = entry.Key;
            if (reader.Int(entry.Value, entry.Key.Value, "skills", int.MinValue, int.MaxValue) is { } level)
            {
                result[entry.Key.Value] = level;
            }
        }

        return result.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static string[] ReadList(YamlFieldReader reader, YamlMapping mapping, string key, Dictionary<string, YamlNode> places)
    {
        var values = reader.StringList(mapping, key, "the student record");
        for (var i = 0; i < values.Count; i++)
        {
            places[$"{key}[{i}]"] = values[i].Node;
        }

        return [.. values.Select(v => v.Value)];
    }

    private static GraduationRecord? ReadGraduation(YamlFieldReader reader, YamlNode? node, Dictionary<string, YamlNode> places)
    {
        const string What = "graduation";
        var mapping = reader.Mapping(node, What, GraduationKeys);
        if (mapping is null)
        {
            return null;
        }

        foreach (var entry in mapping.Entries)
        {
            places["graduation." + entry.Key.Value] = entry.Value;
        }

        return new GraduationRecord
        {
            MonthsSince = reader.Int(mapping, "monthsSince", required: true, What, 0, 600) ?? 0,
            Employed = reader.Bool(mapping, "employed", required: true, What) ?? false,
            Position = mapping["position"] is { } position ? reader.String(position, "position", What) : null,
            InMajor = reader.Bool(mapping, "inMajor", required: false, What),
        };
    }
}
