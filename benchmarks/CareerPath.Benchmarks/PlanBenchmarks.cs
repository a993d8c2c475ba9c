using BenchmarkDotNet.Attributes;

namespace CareerPath.Benchmarks;

/// <summary>One plan for one default-pack student: facts, evaluation, ordering and localised texts.</summary>
[MemoryDiagnoser]
public class PlanBenchmarks
{
    private readonly CareerPlanner _planner = CareerPlanner.CreateDefault();

    internal static readonly StudentProfile Student = new()
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

    [Benchmark]
    public CareerPlan PlanOneStudent() => _planner.Plan(Student);
}
