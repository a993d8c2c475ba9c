using System.Text.Json;
using CareerPath.Benchmarks.Generated;
using CareerPath.RulePacks;
using CareerPath.Yaml;

namespace CareerPath.Tests;

/// <summary>
/// The default pack ships with a snapshot of its parsed YAML and conditions, so that a new process does not
/// pay for the two parsers (docs/performance.md). The snapshot must be current, and a pack loaded from it
/// must plan exactly as the pack parsed from its YAML.
/// </summary>
public sealed class PackSnapshotTests
{
    private const string UpdateVariable = "CAREERPATH_UPDATE_SNAPSHOT";

    private static readonly string SnapshotFile = Path.Combine(TestFiles.RepoRoot, "src", "CareerPath", "RulePacks", "default-pack.snapshot");

    [Fact]
    public void The_snapshot_in_the_repository_is_the_one_the_default_pack_gives_today()
    {
        var today = PackSnapshot.Write(RulePackLoader.EmbeddedSources());
        var stored = File.Exists(SnapshotFile) ? File.ReadAllBytes(SnapshotFile) : [];
        if (!today.AsSpan().SequenceEqual(stored) && Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllBytes(SnapshotFile, today);
            stored = today;
        }

        Assert.True(
            today.AsSpan().SequenceEqual(stored),
            $"src/CareerPath/RulePacks/default-pack.snapshot is out of date: the default pack's YAML or a parser changed since it was made. " +
            $"Loading still works (from the YAML, more slowly). Refresh it with '{UpdateVariable}=1 dotnet test', then build again.");
    }

    [Fact]
    public void The_library_carries_a_snapshot_that_matches_its_default_pack()
    {
        // A stale snapshot is ignored, which is safe but slow; the build must embed a current one.
        Assert.NotNull(PackSnapshot.Embedded(RulePackLoader.EmbeddedSources()));
    }

    [Fact]
    public void The_default_pack_loaded_from_its_snapshot_plans_exactly_as_when_parsed_from_its_yaml()
    {
        var fromSnapshot = RulePackLoader.LoadDefault();
        var fromYaml = RulePackLoader.Load(RulePackLoader.EmbeddedSources(), [], new InputErrorList(), InputLimits.Default);
        Assert.Equal(fromYaml.Rules.Select(r => r.Id), fromSnapshot.Rules.Select(r => r.Id));

        var students = Directory.GetFiles(Path.Combine(TestFiles.RepoRoot, "samples", "students"))
            .Order(StringComparer.Ordinal)
            .Select(file => StudentProfileReader.ReadFile(file, fromYaml))
            .Concat(new StudentGenerator(fromYaml, seed: 11).Students(300))
            .ToList();
        var (snapshotPlanner, yamlPlanner) = (new CareerPlanner(fromSnapshot), new CareerPlanner(fromYaml));
        foreach (var student in students)
        {
            foreach (var language in new[] { "en", "zh-CN" })
            {
                var options = new PlanOptions { Language = language };
                Assert.Equal(JsonSerializer.Serialize(yamlPlanner.Plan(student, options)), JsonSerializer.Serialize(snapshotPlanner.Plan(student, options)));
            }
        }
    }

    [Fact]
    public void Every_condition_and_file_read_back_from_the_snapshot_is_what_the_parsers_make()
    {
        var sources = RulePackLoader.EmbeddedSources();
        var snapshot = PackSnapshot.TryRead(new MemoryStream(PackSnapshot.Write(sources)), sources);

        Assert.NotNull(snapshot);
        var contents = new PackContents();
        foreach (var (name, text) in sources)
        {
            PackFileReader.Read(text, name, contents, new InputErrorList(), InputLimits.Default);
        }

        // Every condition of the pack is kept: none is of a kind the snapshot cannot write.
        var texts = contents.Rules.Values.SelectMany(r => new[] { r.When?.Text, r.DoneWhen?.Text }).OfType<string>().Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(texts, snapshot.Conditions.Keys.Order(StringComparer.Ordinal));
        var compiler = new Engine.ConditionCompiler(Catalogue.PackCatalogue.Empty);
        foreach (var (text, tree) in snapshot.Conditions)
        {
            var parsed = compiler.Parse(new ExpressionSource(text, "test", 1, 1, IsSingleLine: true));
            Assert.NotNull(parsed);
            Assert.True(PackSnapshot.SameTree(parsed, tree), $"the snapshot's tree for '{text}' differs from the parser's");
        }

        Assert.Equal(sources.Select(s => s.Name), snapshot.Files.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, text) in sources)
        {
            Assert.Equal(Flatten(YamlDocumentReader.Read(text, name, new InputErrorList())!), Flatten(snapshot.Files[name]));
        }
    }

    [Fact]
    public void The_default_pack_is_loaded_from_its_snapshot_and_a_folder_is_parsed()
    {
        Assert.True(RulePackLoader.LoadDefault().ParsedAhead);
        Assert.False(RulePackLoader.LoadFiles([Path.Combine(TestFiles.RepoRoot, "src", "CareerPath", "DefaultPack")]).ParsedAhead);
    }

    [Theory]
    [InlineData("np(student.Gpa) > 3.0 && student.Year % 2 == 1")]
    [InlineData("(student.Gpa ?? 0.0) >= 2.5 || -student.Year < -3")]
    [InlineData("Math.Max(facts.SkillLevel(\"network-monitoring\"), 1) >= 2 && Math.Abs(facts.TargetFit - 0.5) < 0.3")]
    [InlineData("string.Concat(student.Major, \"-x\").Length > 3 && student.Major.Contains(\"network\")")]
    [InlineData("iif(student.Year > 2, facts.IsFinalStage, !facts.IsFirstStage) && student.Goal != null")]
    [InlineData("(student.Year > 1 ? facts.TermsLeft : facts.TotalTerms) / 2 >= 1 && student.Stage.Equals(\"higher-vocational\")")]
    [InlineData("string.Compare(student.Major, \"a\") > 0 && student.Interests.Contains(\"R\") && facts.HasInterest(\"R\")")]
    [InlineData("student.Year / 0 == 1")]
    public void A_condition_the_allow_list_accepts_reads_back_from_a_snapshot_as_the_same_tree(string condition)
    {
        var pack = RulePackLoader.LoadDefault();
        var compiler = new Engine.ConditionCompiler(pack.Catalogue);
        var source = new ExpressionSource(condition, "test.yaml", 1, 1, IsSingleLine: true);
        var errors = new InputErrorList();

        Assert.NotNull(compiler.Compile(source, "r", "when", errors));
        Assert.True(PackSnapshot.RoundTrips(compiler.Parse(source)!), condition);
    }

    [Fact]
    public void A_pack_extending_the_default_pack_plans_as_when_the_default_pack_is_parsed_from_its_yaml()
    {
        var school = TestFiles.Write("pack.yaml", """
            pack: { name: our-school, version: 1.0.0, extends: careerpath-default }
            rules:
              - id: our-school-open-day
                phase: professional-cognition
                category: orientation
                due: { stage: first, year: 1, term: 1 }
                title: { en: "Visit the open day", zh-CN: "参加开放日" }
                detail: { en: "Come to the open day.", zh-CN: "参加学校开放日。" }
                when: student.Year >= 1 && facts.SkillLevel("network-monitoring") < 9
            """);
        var onSnapshot = RulePackLoader.LoadFiles([school]);
        var onYaml = RulePackLoader.LoadFiles([Path.Combine(TestFiles.RepoRoot, "src", "CareerPath", "DefaultPack"), school]);

        Assert.True(onSnapshot.ParsedAhead);
        Assert.False(onYaml.ParsedAhead);
        var (a, b) = (new CareerPlanner(onSnapshot), new CareerPlanner(onYaml));
        foreach (var student in new StudentGenerator(onYaml, seed: 3).Students(100))
        {
            Assert.Equal(JsonSerializer.Serialize(b.Plan(student)), JsonSerializer.Serialize(a.Plan(student)));
        }
    }

    [Fact]
    public void A_snapshot_made_from_other_files_is_not_used()
    {
        var sources = RulePackLoader.EmbeddedSources();
        var bytes = PackSnapshot.Write(sources);
        var changed = sources.Select((s, i) => i == 3 ? (s.Name, s.Text + "\n# a comment added later\n") : s).ToList();

        Assert.Null(PackSnapshot.TryRead(new MemoryStream(bytes), changed));
    }

    [Fact]
    public void A_damaged_snapshot_is_not_used()
    {
        var sources = RulePackLoader.EmbeddedSources();
        var bytes = PackSnapshot.Write(sources);

        Assert.Null(PackSnapshot.TryRead(new MemoryStream(bytes[..(bytes.Length / 2)]), sources));
        Assert.Null(PackSnapshot.TryRead(new MemoryStream([.. bytes[..200], .. new byte[bytes.Length - 200]]), sources));
    }

    /// <summary>Every node with its place, kind, value and flags, one line each, in document order.</summary>
    private static List<string> Flatten(YamlNode root)
    {
        var lines = new List<string>();
        Walk(root, 0);
        return lines;

        void Walk(YamlNode node, int depth)
        {
            switch (node)
            {
                case YamlScalar scalar:
                    lines.Add($"{depth} {node.Line}:{node.Column}-{scalar.EndLine} scalar q={scalar.IsQuoted} b={scalar.IsBlock} {scalar.Value}");
                    break;
                case YamlSequence sequence:
                    lines.Add($"{depth} {node.Line}:{node.Column} sequence {sequence.Items.Count}");
                    sequence.Items.ToList().ForEach(item => Walk(item, depth + 1));
                    break;
                case YamlMapping mapping:
                    lines.Add($"{depth} {node.Line}:{node.Column} mapping {mapping.Entries.Count}");
                    foreach (var (key, value) in mapping.Entries)
                    {
                        Walk(key, depth + 1);
                        Walk(value, depth + 1);
                    }

                    break;
            }
        }
    }
}
