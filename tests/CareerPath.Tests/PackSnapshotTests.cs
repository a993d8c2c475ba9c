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
            Assert.Equal(parsed.ToString(), tree.ToString());
            Assert.Equal(parsed.Type, tree.Type);
        }

        Assert.Equal(sources.Select(s => s.Name), snapshot.Files.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, text) in sources)
        {
            Assert.Equal(Flatten(YamlDocumentReader.Read(text, name, new InputErrorList())!), Flatten(snapshot.Files[name]));
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
