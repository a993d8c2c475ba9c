using System.Reflection;
using System.Text.Json.Nodes;
using CareerPath.Catalogue;
using CareerPath.Planning;
using CareerPath.Profiles;
using CareerPath.RulePacks;
using CareerPath.Scenarios;

namespace CareerPath.Tests;

/// <summary>
/// The JSON Schemas in schemas/ that editors validate YAML with (issue 5): every file of the repository
/// passes its schema, every bad fixture fails it at its one mistake, and the schemas say what the readers say.
/// </summary>
public sealed class SchemaTests(SchemaValidator validator) : IClassFixture<SchemaValidator>
{
    private const string RulePackSchema = "rule-pack.schema.json";
    private const string StudentSchema = "student.schema.json";
    private const string ScenarioSchema = "scenario.schema.json";
    private const string ModelinePrefix = "# yaml-language-server: $schema=";
    private const string Fixtures = "tests/CareerPath.Tests/Schemas";

    /// <summary>Which schema the files below each folder follow, as .vscode/settings.json maps them for editors.</summary>
    private static readonly (string Folder, string Schema)[] SchemaByFolder =
    [
        ("src/CareerPath/DefaultPack/", RulePackSchema),
        ("tests/CareerPath.Tests/Packs/", RulePackSchema),
        ("samples/students/", StudentSchema),
        ("samples/broken/", StudentSchema),
        ("tests/CareerPath.Tests/Students/", StudentSchema),
    ];

    /// <summary>
    /// Files that show the readers' error messages with mistakes a schema sees too, outside the schema
    /// fixtures. (Packs/layers/mistakes.yaml is not one: its mistakes show only when packs are layered.)
    /// </summary>
    private static readonly string[] BrokenOnPurpose =
    [
        .. RepoFiles("samples/broken"),
        "tests/CareerPath.Tests/Packs/three-mistakes.yaml",
        "tests/CareerPath.Tests/Scenarios/broken.yaml",
        "tests/CareerPath.Tests/Students/bad.yaml",
    ];

    public static TheoryData<string> RepositoryFiles =>
    [
        .. RepoFiles(".").Where(f => IsYaml(f) && SchemaOf(f) is not null)
            .Concat(RepoFiles("samples/students").Concat(RepoFiles("tests/CareerPath.Tests/Students")).Where(f => f.EndsWith(".json", StringComparison.Ordinal)))
            .Where(f => !BrokenOnPurpose.Contains(f) && !f.StartsWith(Fixtures + "/bad/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal),
    ];

    public static TheoryData<string> BadFixtures => [.. RepoFiles(Fixtures + "/bad")];

    public static TheoryData<string> FilesBrokenOnPurpose => [.. BrokenOnPurpose];

    public static TheoryData<string> SchemaFiles => [RulePackSchema, StudentSchema, ScenarioSchema];

    [Fact]
    public void Every_yaml_file_in_the_repository_has_a_schema()
    {
        var without = RepoFiles(".").Where(f => IsYaml(f) && SchemaOf(f) is null).ToList();

        Assert.True(without.Count == 0,
            "No schema applies to: " + string.Join(", ", without) + ". Map its folder in SchemaTests and .vscode/settings.json, or give it a '" + ModelinePrefix + "...' line.");
    }

    [Theory]
    [MemberData(nameof(RepositoryFiles))]
    public async Task A_file_of_the_repository_passes_its_schema_unless_it_is_broken_on_purpose(string file)
    {
        var verdict = await validator.ValidateAsync(SchemaOf(file)!, Instance(file), TestContext.Current.CancellationToken);

        Assert.True(verdict.Draft2020.Count == 0 && verdict.Draft7.Count == 0, $"{file} against {SchemaOf(file)}:{Environment.NewLine}{verdict}");
    }

    [Theory]
    [MemberData(nameof(BadFixtures))]
    public async Task A_bad_fixture_fails_its_schema_with_one_error_at_the_place_its_header_names(string file)
    {
        var header = File.ReadLines(Path.Combine(TestFiles.RepoRoot, file)).Take(3).ToList();
        Assert.StartsWith("# Bad: ", header[0], StringComparison.Ordinal);
        Assert.StartsWith("# Error at: ", header[1], StringComparison.Ordinal);
        var place = header[1]["# Error at: ".Length..].Trim();
        var at = place == "(root)" ? string.Empty : place;

        var verdict = await validator.ValidateAsync(SchemaOf(file)!, Instance(file), TestContext.Current.CancellationToken);

        foreach (var errors in new[] { verdict.Draft2020, verdict.Draft7 })
        {
            Assert.True(errors.Count == 1 && errors[0].At == at,
                $"{file} should fail once, at '{place}' ({header[0]}):{Environment.NewLine}{verdict}");
        }
    }

    [Theory]
    [MemberData(nameof(FilesBrokenOnPurpose))]
    public async Task A_file_broken_on_purpose_to_show_the_readers_errors_fails_its_schema_too(string file)
    {
        var verdict = await validator.ValidateAsync(SchemaOf(file)!, Instance(file), TestContext.Current.CancellationToken);

        Assert.NotEmpty(verdict.Draft2020);
        Assert.NotEmpty(verdict.Draft7);
    }

    [Theory]
    [MemberData(nameof(SchemaFiles))]
    public async Task A_schema_is_valid_draft_2020_12(string schema)
    {
        var errors = await validator.CheckSchemaAsync(schema, TestContext.Current.CancellationToken);

        Assert.Empty(errors);
    }

    /// <summary>
    /// yaml-language-server validates with draft 7 semantics, so a keyword new in 2019-09 or 2020-12
    /// (dependentRequired, prefixItems, unevaluatedProperties, ...) would be ignored in the editor,
    /// and draft 7 ignores whatever stands beside '$ref'.
    /// </summary>
    [Theory]
    [MemberData(nameof(SchemaFiles))]
    public void A_schema_uses_only_keywords_that_editors_understand(string schema)
    {
        var problems = new List<string>();
        CheckKeywords(LoadSchema(schema), "#", problems);

        Assert.Empty(problems);
    }

    [Theory]
    [InlineData(RulePackSchema, "/properties", "PackFileReader.TopKeys")]
    [InlineData(RulePackSchema, "/$defs/packHeader/properties", "PackFileReader.PackKeys")]
    [InlineData(RulePackSchema, "/$defs/skill/properties", "PackFileReader.SkillKeys")]
    [InlineData(RulePackSchema, "/$defs/certificate/properties", "PackFileReader.CertificateKeys")]
    [InlineData(RulePackSchema, "/$defs/major/properties", "PackFileReader.MajorKeys")]
    [InlineData(RulePackSchema, "/$defs/position/properties", "PackFileReader.PositionKeys")]
    [InlineData(RulePackSchema, "/$defs/learningEntry/properties", "PackFileReader.LearningKeys")]
    [InlineData(RulePackSchema, "/$defs/pathway/properties", "PackFileReader.PathwayKeys")]
    [InlineData(RulePackSchema, "/$defs/pathway/properties/stages/items/properties", "PackFileReader.StageKeys")]
    [InlineData(RulePackSchema, "/$defs/rule/properties", "PackFileReader.RuleKeys")]
    [InlineData(RulePackSchema, "/$defs/scope/properties", "PackFileReader.ScopeKeys")]
    [InlineData(RulePackSchema, "/$defs/timelinePoint/properties", "PackFileReader.PointKeys")]
    [InlineData(RulePackSchema, "/$defs/override/properties", "PackFileReader.OverrideKeys")]
    [InlineData(StudentSchema, "/properties", "StudentProfileReader.Keys")]
    [InlineData(StudentSchema, "/$defs/graduation/properties", "StudentProfileReader.GraduationKeys")]
    [InlineData(ScenarioSchema, "/properties", "ScenarioFileReader.TopKeys")]
    [InlineData(ScenarioSchema, "/$defs/scenario/properties", "ScenarioFileReader.ScenarioKeys")]
    [InlineData(ScenarioSchema, "/$defs/expectation/properties", "ScenarioFileReader.ExpectKeys")]
    public void A_schema_mapping_has_exactly_the_keys_its_reader_accepts(string schema, string location, string readerKeys)
    {
        var keys = Assert.IsType<JsonObject>(At(LoadSchema(schema), location)).Select(p => p.Key);

        Assert.Equal(ReaderList(readerKeys).Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(RulePackSchema, "/$defs/phase/enum", "phases")]
    [InlineData(RulePackSchema, "/$defs/pathway/properties/phases/required", "phases")]
    [InlineData(RulePackSchema, "/$defs/category/enum", "categories")]
    [InlineData(RulePackSchema, "/$defs/certificate/properties/level/enum", "certificate levels")]
    [InlineData(RulePackSchema, "/$defs/learningEntry/properties/kind/enum", "learning kinds")]
    [InlineData(RulePackSchema, "/$defs/rule/properties/forEach/enum", "forEach items")]
    [InlineData(RulePackSchema, "/$defs/pathwayStage/enum", "pathway stages")]
    [InlineData(RulePackSchema, "/$defs/timelinePoint/properties/stage/enum", "timeline stages")]
    [InlineData(RulePackSchema, "/$defs/studentStage/enum", "student stages")]
    [InlineData(RulePackSchema, "/$defs/goal/enum", "goals")]
    [InlineData(StudentSchema, "/properties/stage/enum", "student stages")]
    [InlineData(StudentSchema, "/properties/goal/enum", "goals")]
    [InlineData(ScenarioSchema, "/$defs/phaseStatus/enum", "phase statuses")]
    [InlineData(ScenarioSchema, "/$defs/stepStatus/enum", "step statuses")]
    public void A_schema_list_of_values_is_the_library_list_in_the_same_order(string schema, string location, string list)
    {
        var values = Assert.IsType<JsonArray>(At(LoadSchema(schema), location)).Select(v => (string)v!);

        Assert.Equal(LibraryList(list), values);
    }

    [Fact]
    public void A_scenario_checks_the_status_of_exactly_the_five_phases()
    {
        var phases = Assert.IsType<JsonObject>(At(LoadSchema(ScenarioSchema), "/$defs/expectation/properties/phases/properties"));

        Assert.Equal(CareerPhases.Ids, phases.Select(p => p.Key));
    }

    private static IReadOnlyList<string> LibraryList(string name) => name switch
    {
        "phases" => CareerPhases.Ids,
        "categories" => PackFileReader.Categories,
        "certificate levels" => PackFileReader.CertificateLevels,
        "learning kinds" => PackFileReader.LearningKinds,
        "forEach items" => PackFileReader.ForEachItems,
        "pathway stages" => Stages.PathwayStages,
        "timeline stages" => [.. Stages.PathwayStages, TimelinePoint.FirstStage, TimelinePoint.FinalStage],
        "student stages" => Stages.StudentStages,
        "goals" => StudentProfileValidator.Goals,
        "phase statuses" => ReaderList("ScenarioFileReader.PhaseStatuses"),
        "step statuses" => ReaderList("ScenarioFileReader.StepStatuses"),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such library list"),
    };

    /// <summary>The readers keep their key lists private; reading them here keeps schema and reader from drifting apart.</summary>
    private static string[] ReaderList(string field)
    {
        var (typeName, fieldName) = (field[..field.IndexOf('.', StringComparison.Ordinal)], field[(field.IndexOf('.', StringComparison.Ordinal) + 1)..]);
        var type = typeName switch
        {
            nameof(StudentProfileReader) => typeof(StudentProfileReader),
            nameof(ScenarioFileReader) => typeof(ScenarioFileReader),
            _ => typeof(PackFileReader),
        };
        var value = type.GetField(fieldName, BindingFlags.NonPublic | BindingFlags.Static)?.GetValue(null)
            ?? throw new InvalidOperationException($"{field} is not a private static field any more; point this test at the reader's key list.");
        return (string[])value;
    }

    private static readonly HashSet<string> SubschemaMaps = ["properties", "patternProperties", "$defs"];
    private static readonly HashSet<string> Subschemas = ["items", "additionalProperties", "propertyNames", "not", "if", "then", "else", "contains"];
    private static readonly HashSet<string> SubschemaLists = ["allOf", "anyOf", "oneOf"];
    private static readonly HashSet<string> Assertions =
    [
        "type", "enum", "const", "pattern", "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
        "multipleOf", "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties", "required",
    ];

    /// <summary>Annotations, including the ones VS Code's JSON and YAML language servers read for hover, completion and messages.</summary>
    private static readonly HashSet<string> Annotations =
    [
        "$schema", "$id", "$comment", "title", "description", "default", "examples", "deprecated",
        "markdownDescription", "enumDescriptions", "markdownEnumDescriptions", "patternErrorMessage", "errorMessage", "defaultSnippets",
    ];

    private static void CheckKeywords(JsonNode? schema, string path, List<string> problems)
    {
        if (schema is not JsonObject keywords)
        {
            if (schema?.GetValueKind() is not (System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False))
            {
                problems.Add($"{path} is not a schema (an object, true or false).");
            }

            return;
        }

        foreach (var (keyword, value) in keywords)
        {
            var here = $"{path}/{keyword}";
            if (SubschemaMaps.Contains(keyword))
            {
                foreach (var (name, subschema) in value!.AsObject())
                {
                    CheckKeywords(subschema, $"{here}/{name}", problems);
                }
            }
            else if (Subschemas.Contains(keyword))
            {
                CheckKeywords(value, here, problems);
            }
            else if (SubschemaLists.Contains(keyword))
            {
                var items = value!.AsArray();
                for (var i = 0; i < items.Count; i++)
                {
                    CheckKeywords(items[i], $"{here}/{i}", problems);
                }
            }
            else if (keyword != "$ref" && !Assertions.Contains(keyword) && !Annotations.Contains(keyword))
            {
                problems.Add($"{here}: '{keyword}' is not a draft 7 keyword (or is not listed in SchemaTests as one).");
            }

            if (keywords.ContainsKey("$ref") && keyword != "$ref" && !Annotations.Contains(keyword))
            {
                problems.Add($"{here}: draft 7 ignores '{keyword}' beside '$ref'; wrap them in allOf.");
            }
        }
    }

    /// <summary>The node a JSON Pointer (/$defs/rule/properties) names.</summary>
    private static JsonNode? At(JsonNode? node, string location)
    {
        foreach (var token in location.Split('/').Skip(1))
        {
            node = node?[token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)];
        }

        return node;
    }

    private static JsonNode? LoadSchema(string schema) => JsonNode.Parse(File.ReadAllText(Path.Combine(SchemaValidator.SchemaFolder, schema)));

    private static JsonNode? Instance(string file)
    {
        var text = File.ReadAllText(Path.Combine(TestFiles.RepoRoot, file));
        return file.EndsWith(".json", StringComparison.Ordinal) ? JsonNode.Parse(text) : YamlAsJson.Convert(text);
    }

    /// <summary>The schema a file follows: the one its yaml-language-server line names, else its folder's, else one of scenarios.</summary>
    private static string? SchemaOf(string file)
    {
        var modeline = File.ReadLines(Path.Combine(TestFiles.RepoRoot, file)).TakeWhile(l => l.StartsWith('#')).FirstOrDefault(l => l.StartsWith(ModelinePrefix, StringComparison.Ordinal));
        if (modeline is not null)
        {
            return Path.GetFileName(modeline[ModelinePrefix.Length..].Trim());
        }

        var byFolder = SchemaByFolder.FirstOrDefault(m => file.StartsWith(m.Folder, StringComparison.Ordinal)).Schema;
        return byFolder ?? (file.Split('/').SkipLast(1).Any(d => d.Equals("scenarios", StringComparison.OrdinalIgnoreCase)) ? ScenarioSchema : null);
    }

    private static bool IsYaml(string file) => file.EndsWith(".yaml", StringComparison.Ordinal) || file.EndsWith(".yml", StringComparison.Ordinal);

    /// <summary>Files below a folder of the repository, as repository-relative paths with '/', leaving out build output.</summary>
    private static IEnumerable<string> RepoFiles(string folder)
    {
        var root = Path.Combine(TestFiles.RepoRoot, folder);
        if (!Directory.Exists(root))
        {
            return [];
        }

        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(TestFiles.RepoRoot, f).Replace('\\', '/'))
            .Where(f => !f.Split('/').Any(part => part is "bin" or "obj" or ".git" or ".vs" or "TestResults" or "artifacts" or "BenchmarkDotNet.Artifacts" or "node_modules"))
            // The hostile corpus is broken on purpose in ways no schema describes (binary, not UTF-8, cut off); HostileCorpusTests checks each file's error.
            .Where(f => !f.StartsWith(HostileCorpusTests.Folder + "/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
    }
}
