using System.Text.Json;
using CareerPath.Benchmarks.Generated;

namespace CareerPath.Tests;

/// <summary>
/// A planner keeps texts, evidence, gaps and whole steps that come out the same for many students and
/// shares them between plans. What a student's plan says must never depend on who was planned before.
/// </summary>
public sealed class SharedResultsTests
{
    private const int Students = 250;

    [Fact]
    public void A_plan_is_the_same_whoever_was_planned_before_it_and_on_whichever_thread()
    {
        var students = new StudentGenerator(RulePackLoader.LoadDefault()).Students(Students).ToArray();
        var inOrder = PlanAll(Fresh(), students, threads: 1);
        var reversed = PlanAll(Fresh(), [.. students.Reverse()], threads: 1).Reverse().ToArray();
        var fourThreads = PlanAll(Fresh(), students, threads: 4);

        for (var i = 0; i < students.Length; i++)
        {
            Assert.Equal(inOrder[i], reversed[i]);
            Assert.Equal(inOrder[i], fourThreads[i]);
        }
    }

    [Fact]
    public void A_plan_made_by_a_planner_that_has_planned_thousands_equals_one_made_by_a_new_planner()
    {
        var warm = Fresh();
        var generator = new StudentGenerator(warm.RuleSet, seed: 5);
        foreach (var student in generator.Students(1500))
        {
            warm.Plan(student);
            warm.Plan(student, new PlanOptions { Language = "zh-CN" });
        }

        foreach (var number in new[] { 0, 7, 123, 1499 })
        {
            var student = generator.Student(number);
            Assert.Equal(Json(Fresh().Plan(student)), Json(warm.Plan(student)));
            Assert.Equal(Json(Fresh().Plan(student, new PlanOptions { Language = "zh-CN" })), Json(warm.Plan(student, new PlanOptions { Language = "zh-CN" })));
        }
    }

    /// <summary>A planner over a pack loaded anew, so that nothing is shared with other tests' plans.</summary>
    private static CareerPlanner Fresh() => new(RulePackLoader.LoadFiles([Path.Combine(TestFiles.RepoRoot, "src", "CareerPath", "DefaultPack")]));

    private static string[] PlanAll(CareerPlanner planner, StudentProfile[] students, int threads)
    {
        var plans = new string[students.Length];
        Parallel.For(0, students.Length, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
            plans[i] = Json(planner.Plan(students[i])) + Json(planner.Plan(students[i], new PlanOptions { Language = "zh-CN" })));
        return plans;
    }

    private static string Json(CareerPlan plan) => JsonSerializer.Serialize(plan);
}
