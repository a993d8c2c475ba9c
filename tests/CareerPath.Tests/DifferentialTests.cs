using CareerPath.Benchmarks.Baselines;
using CareerPath.Benchmarks.Generated;

namespace CareerPath.Tests;

/// <summary>
/// Microsoft RulesEngine's own workflow execution is the reference: the same pack, run both ways over
/// generated students, must fire the same rules and find the same steps done. The benchmarks'
/// generated pack is held to its hand-written C# too, so the speed figures compare like with like.
/// </summary>
public sealed class DifferentialTests
{
    public static TheoryData<string> Packs => ["mini", "default", "generated-210"];

    [Theory]
    [MemberData(nameof(Packs))]
    public void The_same_rules_fire_as_in_RulesEngine_workflow_execution(string packName)
    {
        var pack = Load(packName);
        var rulesEngine = new RulesEngineBaseline(pack);
        var compared = 0;
        var doneCompared = 0;

        foreach (var student in new StudentGenerator(pack).Students(300))
        {
            var facts = StudentGenerator.FactsOf(pack, student);
            var candidates = pack.RulesFor(student.Major, student.Pathway);
            var ours = CareerPlanner.Fire(student, facts, candidates, diagnostics: null).Select(s => s.Rule.Id).ToHashSet();

            var (fired, done) = rulesEngine.Run(student, facts);
            var onPathway = candidates.Select(s => s.Rule.Id).ToHashSet();
            var theirs = fired.Where(onPathway.Contains).ToHashSet();

            Assert.True(theirs.SetEquals(ours),
                $"{student.Id}: only RulesEngine fired [{string.Join(", ", theirs.Except(ours))}]; only CareerPath fired [{string.Join(", ", ours.Except(theirs))}]");
            compared += ours.Count;

            foreach (var rule in candidates.Select(s => s.Rule).Where(r => r.DoneWhen is not null && ours.Contains(r.Id)))
            {
                Assert.True(rule.DoneWhen!.Evaluate(student, facts) == done.Contains(rule.Id), $"{student.Id}: 'doneWhen' of {rule.Id} differs");
                doneCompared++;
            }
        }

        Assert.True(compared > 300, "the generated students should fire a good number of rules");
        Assert.True(packName == "generated-210" || doneCompared > 50, "the generated students should meet a good number of 'doneWhen' conditions");
    }

    [Fact]
    public void The_generated_pack_fires_exactly_the_rules_its_hand_written_CSharp_fires()
    {
        var generated = PackGenerator.Generate(210);
        var pack = generated.Load();
        var fired = 0;

        foreach (var student in new StudentGenerator(pack).Students(300))
        {
            var facts = StudentGenerator.FactsOf(pack, student);
            var ours = CareerPlanner.Fire(student, facts, pack.RulesFor(student.Major, student.Pathway), diagnostics: null).Select(s => s.Rule.Id).ToHashSet();
            var hand = generated.HandWritten.Where(rule => rule.Applies(student, facts)).Select(rule => rule.Id).ToHashSet();

            Assert.True(hand.SetEquals(ours), $"{student.Id}: only C# fired [{string.Join(", ", hand.Except(ours))}]; only CareerPath fired [{string.Join(", ", ours.Except(hand))}]");
            fired += ours.Count;
        }

        Assert.True(fired > 3000, $"the generated rules should fire often enough to compare ({fired})");
    }

    [Fact]
    public void The_generator_makes_the_same_pack_for_the_same_size_and_seed()
    {
        var first = PackGenerator.Generate(50);
        var second = PackGenerator.Generate(50);

        Assert.Equal(first.Sources, second.Sources);
        Assert.NotEqual(first.Sources[^1].Text, PackGenerator.Generate(50, seed: 7).Sources[^1].Text);
        Assert.Equal(50, first.Load().RuleCount);
    }

    private static RuleSet Load(string packName) => packName switch
    {
        "default" => RulePackLoader.LoadDefault(),
        "generated-210" => PackGenerator.Generate(210).Load(),
        _ => TestFiles.MiniPack,
    };
}
