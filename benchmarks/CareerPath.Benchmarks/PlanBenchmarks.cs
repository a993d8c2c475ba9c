using BenchmarkDotNet.Attributes;

namespace CareerPath.Benchmarks;

/// <summary>One plan for one default-pack student: facts, evaluation, ordering and localised texts.</summary>
[MemoryDiagnoser]
public class PlanBenchmarks
{
    private readonly CareerPlanner _planner = CareerPlanner.CreateDefault();

    private readonly StudentProfile _student = new()
    {
        Id = "bench-001",
        Major = "computer-network-technology",
        Pathway = "2+3+2",
        Stage = "higher-vocational",
        Year = 2,
        Term = 1,
        Goal = "employment",
    };

    [Benchmark]
    public CareerPlan PlanOneStudent() => _planner.Plan(_student);
}
