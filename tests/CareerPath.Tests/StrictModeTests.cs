namespace CareerPath.Tests;

/// <summary>
/// Issue 8, fault isolation: a rule that throws while it is evaluated is a diagnostic naming the rule, and
/// the rest of the plan is made; only a host that asks for strict mode gets an exception, and the same
/// student gives the same outcome on every thread.
/// </summary>
public sealed class StrictModeTests
{
    private readonly CareerPlanner _planner = new(TestFiles.MiniPack);

    // The mini pack's gpa-fault rule reads student.Gpa.Value, which throws for a record without a GPA.
    private static StudentProfile Faulting(string id = "s-1") => MiniStudents.At("secondary-vocational", 1) with { Id = id, Gpa = null, Name = "王小明" };

    [Fact]
    public void In_strict_mode_a_rule_fault_throws_naming_the_student_by_id_and_the_rule_with_its_place()
    {
        var exception = Assert.Throws<RuleFaultException>(() => _planner.Plan(Faulting(), new PlanOptions { Strict = true }));

        Assert.Equal(("s-1", "gpa-fault"), (exception.StudentId, exception.RuleId));
        Assert.Contains("mini.yaml:180:5", exception.Message, StringComparison.Ordinal);
        Assert.Null(exception.InnerException);
        Assert.DoesNotContain("王小明", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void In_strict_mode_a_plan_without_a_fault_is_made_as_usual()
    {
        var plan = _planner.Plan(Faulting() with { Gpa = 3.0 }, new PlanOptions { Strict = true });

        Assert.Empty(plan.Diagnostics);
    }

    [Fact]
    public void By_default_the_same_fault_is_a_diagnostic_and_the_plan_is_made()
    {
        var plan = _planner.Plan(Faulting());

        Assert.Equal("rule-fault", Assert.Single(plan.Diagnostics).Code);
        Assert.Contains(plan.Phases.SelectMany(p => p.Steps), s => s.RuleId == "orient");
    }

    [Fact]
    public void The_same_student_gives_the_same_diagnostics_and_the_same_exception_on_every_thread()
    {
        var students = Enumerable.Range(0, 16).Select(i => Faulting($"s-{i}") with { Gpa = i % 2 == 0 ? null : 3.6 }).ToList();
        var expected = students.Select(s => Outcome(s)).ToList();

        var actual = new string[students.Count * 40];
        Parallel.For(0, actual.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => actual[i] = Outcome(students[i % students.Count]));

        Assert.All(Enumerable.Range(0, actual.Length), i => Assert.Equal(expected[i % students.Count], actual[i]));
        Assert.Contains(expected, e => e.StartsWith("plan with 1 diagnostics", StringComparison.Ordinal));
    }

    private string Outcome(StudentProfile student)
    {
        var plan = _planner.Plan(student);
        string strict;
        try
        {
            _planner.Plan(student, new PlanOptions { Strict = true });
            strict = "no exception";
        }
        catch (RuleFaultException exception)
        {
            strict = exception.Message;
        }

        return $"plan with {plan.Diagnostics.Count} diagnostics: {string.Join(" | ", plan.Diagnostics.Select(d => d.Message))}; strict: {strict}";
    }
}
