using CareerPath.Facts;
using CareerPath.Matching;
using RulesEngine.Models;
using RuleExpressionType = RulesEngine.Models.RuleExpressionType;

namespace CareerPath.Tests;

/// <summary>
/// Microsoft RulesEngine's own workflow execution is the reference: the same pack, run both ways over
/// generated students, must fire the same rules.
/// </summary>
public sealed class DifferentialTests
{
    private const string DoneSuffix = "#done";

    public static TheoryData<string> Packs => ["mini", "default"];

    [Theory]
    [MemberData(nameof(Packs))]
    public async Task The_same_rules_fire_as_in_RulesEngine_workflow_execution(string packName)
    {
        var pack = packName == "default" ? RulePackLoader.LoadDefault() : TestFiles.MiniPack;
        var workflow = new Workflow
        {
            WorkflowName = "careerpath",
            Rules = [.. pack.Rules.Select(rule => new Rule
            {
                RuleName = rule.Id,
                RuleExpressionType = RuleExpressionType.LambdaExpression,
                Expression = ScopeExpression(rule.Definition.Scope) + " && (" + (rule.When?.Text ?? "true") + ")",
            }),
            .. pack.Rules.Where(rule => rule.DoneWhen is not null).Select(rule => new Rule
            {
                RuleName = rule.Id + DoneSuffix,
                RuleExpressionType = RuleExpressionType.LambdaExpression,
                Expression = rule.DoneWhen!.Text,
            })],
        };
        var engine = new RulesEngine.RulesEngine([workflow], new ReSettings { CustomTypes = [typeof(StudentFacts)] });
        var random = new Random(20261123);
        var compared = 0;
        var doneCompared = 0;

        foreach (var student in GenerateStudents(pack, random, 300))
        {
            var pathway = pack.Catalogue.Pathways[student.Pathway];
            var positions = PositionMatcher.Rank(student, pack.Catalogue, "en");
            var facts = FactsBuilder.Build(
                student, pathway, pack.Catalogue, positions, PositionMatcher.Targets(positions), PositionMatcher.Job(student, pack.Catalogue, pack.Catalogue.Majors[student.Major], positions, "en"), out _);
            var candidates = pack.RulesFor(student.Major, student.Pathway);
            var ours = CareerPlanner.Fire(student, facts, candidates, diagnostics: null).Select(s => s.Rule.Id).ToHashSet();

            var results = await engine.ExecuteAllRulesAsync("careerpath", [new RuleParameter("student", student), new RuleParameter("facts", facts)], TestContext.Current.CancellationToken);
            var onPathway = candidates.Select(s => s.Rule.Id).ToHashSet();
            var theirs = results.Where(r => r.IsSuccess && onPathway.Contains(r.Rule.RuleName)).Select(r => r.Rule.RuleName).ToHashSet();

            Assert.True(theirs.SetEquals(ours),
                $"{student.Id}: only RulesEngine fired [{string.Join(", ", theirs.Except(ours))}]; only CareerPath fired [{string.Join(", ", ours.Except(theirs))}]");
            compared += ours.Count;

            var doneByRulesEngine = results.Where(r => r.IsSuccess && r.Rule.RuleName.EndsWith(DoneSuffix, StringComparison.Ordinal))
                .Select(r => r.Rule.RuleName[..^DoneSuffix.Length]).ToHashSet();
            foreach (var rule in candidates.Select(s => s.Rule).Where(r => r.DoneWhen is not null && ours.Contains(r.Id)))
            {
                Assert.True(rule.DoneWhen!.Evaluate(student, facts) == doneByRulesEngine.Contains(rule.Id), $"{student.Id}: 'doneWhen' of {rule.Id} differs");
                doneCompared++;
            }
        }

        Assert.True(compared > 300, "the generated students should fire a good number of rules");
        Assert.True(doneCompared > 50, "the generated students should meet a good number of 'doneWhen' conditions");
    }

    private static string ScopeExpression(RulePacks.RuleScope scope)
    {
        static string AnyOf(string member, IReadOnlyList<string> values) =>
            values.Count == 0 ? "true" : "(" + string.Join(" || ", values.Select(v => $"student.{member} == \"{v}\"")) + ")";

        return $"{AnyOf("Major", scope.Majors)} && {AnyOf("Pathway", scope.Pathways)} && {AnyOf("Stage", scope.Stages)} && {AnyOf("Goal", scope.Goals)}";
    }

    private static IEnumerable<StudentProfile> GenerateStudents(RuleSet pack, Random random, int count)
    {
        var catalogue = pack.Catalogue;
        var majors = catalogue.Majors.Values.Where(m => m.Pathways.Count > 0).OrderBy(m => m.Id, StringComparer.Ordinal).ToList();
        var skills = catalogue.Skills.Keys.Order(StringComparer.Ordinal).ToList();
        var certificates = catalogue.Certificates.Keys.Order(StringComparer.Ordinal).ToList();
        string[] goals = ["employment", "further-study", "undecided"];
        for (var i = 0; i < count; i++)
        {
            var major = majors[random.Next(majors.Count)];
            var pathway = catalogue.Pathways[major.Pathways[random.Next(major.Pathways.Count)]];
            var stageIndex = random.Next(pathway.Stages.Count + 1);
            var graduated = stageIndex == pathway.Stages.Count;
            var positions = catalogue.Positions.Values.Where(p => p.Major == major.Id).Select(p => p.Id).Order(StringComparer.Ordinal).ToList();
            yield return new StudentProfile
            {
                Id = $"gen-{i:D4}",
                Major = major.Id,
                Pathway = pathway.Id,
                Stage = graduated ? (random.Next(5) == 0 ? "graduate" : "graduated") : pathway.Stages[stageIndex].Stage,
                Year = graduated ? 0 : random.Next(1, pathway.Stages[stageIndex].Years + 1),
                Term = random.Next(1, 3),
                Skills = skills.Where(_ => random.Next(3) == 0).ToDictionary(s => s, _ => random.Next(0, 6)),
                Certificates = [.. certificates.Where(_ => random.Next(6) == 0)],
                Interests = new string([.. "RIASEC".Where(_ => random.Next(3) == 0)]),
                Goal = goals[random.Next(goals.Length)],
                TargetPositions = [.. positions.Where(_ => random.Next(3) == 0)],
                Gpa = random.Next(4) == 0 ? null : Math.Round(random.NextDouble() * 4, 1),
                Graduation = graduated
                    ? new GraduationRecord { MonthsSince = random.Next(0, 15), Employed = random.Next(3) > 0, Position = positions.Count > 0 && random.Next(2) == 0 ? positions[0] : null }
                    : null,
            };
        }
    }
}
