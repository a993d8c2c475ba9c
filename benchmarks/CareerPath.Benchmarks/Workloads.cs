using CareerPath.Benchmarks.Generated;
using CareerPath.Engine;

namespace CareerPath.Benchmarks;

/// <summary>A student with the facts CareerPath derives for them, made before any timing starts.</summary>
internal sealed record StudentWithFacts(StudentProfile Student, StudentFacts Facts);

/// <summary>
/// What the benchmarks and the quick mode run: the default pack's benchmark student, the generated
/// packs and students, and the three ways to run a pack's rules over one student.
/// </summary>
internal static class Workloads
{
    /// <summary>The rules in the pack the rule-evaluation comparison runs (the size measured in the issue).</summary>
    public const int EvalRules = 210;

    /// <summary>How many generated students the evaluation and plan loops go round.</summary>
    public const int StudentCount = 64;

    /// <summary>A default-pack student: higher-vocational year 2 on 2+3+2, two skills, no certificates; 51 steps.</summary>
    public static readonly StudentProfile Student = new()
    {
        Id = "bench-001",
        Major = "computer-network-technology",
        Pathway = "2+3+2",
        Stage = "higher-vocational",
        Year = 2,
        Term = 1,
        Goal = "employment",
        Skills = new Dictionary<string, int> { ["network-fundamentals"] = 3, ["linux-administration"] = 2 },
    };

    /// <summary><see cref="StudentCount"/> generated students of <paramref name="pack"/>, with their facts.</summary>
    public static StudentWithFacts[] Students(RuleSet pack) =>
        [.. new StudentGenerator(pack).Students(StudentCount).Select(s => new StudentWithFacts(s, StudentGenerator.FactsOf(pack, s)))];

    /// <summary>Ours, as the planner runs it: only the rules the index holds for the student's major and pathway.</summary>
    public static int FireIndexed(RuleSet pack, StudentWithFacts student, List<RuleSlot> fired)
    {
        fired.Clear();
        CareerPlanner.Fire(student.Student, student.Facts, pack.RulesFor(student.Student.Major, student.Student.Pathway), fired, diagnostics: null);
        return fired.Count;
    }

    /// <summary>Every rule of the pack as one list, for running our compiled conditions without the index.</summary>
    public static RuleSlot[] AllSlots(RuleSet pack) => [.. pack.Rules.Select((rule, index) => new RuleSlot(rule, RuleSlot.DueNow, index))];

    /// <summary>The hand-written C# baseline: every rule's lambda, scope included.</summary>
    public static int FireHandWritten(IReadOnlyList<HandWrittenRule> rules, StudentWithFacts student)
    {
        var count = 0;
        var s = student.Student;
        var f = student.Facts;
        for (var i = 0; i < rules.Count; i++)
        {
            if (rules[i].Applies(s, f))
            {
                count++;
            }
        }

        return count;
    }
}
