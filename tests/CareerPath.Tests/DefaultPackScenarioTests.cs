namespace CareerPath.Tests;

/// <summary>The default pack's own scenarios (scenarios/default-pack/): at least one per major and pathway, all passing.</summary>
public sealed class DefaultPackScenarioTests
{
    private static readonly string Folder = Path.Combine(TestFiles.RepoRoot, "scenarios", "default-pack");

    public static TheoryData<string> Files => [.. Directory.GetFiles(Folder, "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal).Cast<string>()];

    [Theory]
    [MemberData(nameof(Files))]
    public void Every_scenario_of_the_default_pack_passes(string file)
    {
        var report = ScenarioRunner.Run([Path.Combine(Folder, file)], CareerPlanner.CreateDefault());

        Assert.Empty(report.Errors);
        Assert.All(report.Results, result => Assert.True(result.Passed, $"{result.Name} (line {result.Line}): {string.Join(" ", result.Failures)}"));
    }

    [Fact]
    public void The_scenarios_cover_every_major_on_every_pathway()
    {
        var pack = RulePackLoader.LoadDefault();
        var covered = new HashSet<(string, string)>();
        foreach (var file in Directory.GetFiles(Folder, "*.yaml"))
        {
            var report = ScenarioRunner.Run([file], new PlanRecorder(pack, covered));
            Assert.Empty(report.Errors);
        }

        var offered = pack.Catalogue.Majors.Values.SelectMany(m => m.Pathways.Select(p => (m.Id, p))).ToHashSet();
        Assert.Empty(offered.Except(covered));
    }

    /// <summary>A planner that notes each student's major and pathway.</summary>
    private sealed class PlanRecorder(RuleSet ruleSet, HashSet<(string, string)> covered) : ICareerPlanner
    {
        private readonly CareerPlanner _planner = new(ruleSet);

        public RuleSet RuleSet => ruleSet;

        public CareerPlan Plan(StudentProfile student, PlanOptions? options = null)
        {
            covered.Add((student.Major, student.Pathway));
            return _planner.Plan(student, options);
        }
    }
}
