using BenchmarkDotNet.Attributes;

namespace CareerPath.Benchmarks;

/// <summary>A cohort of 100,000 generated students planned in memory, streamed and not held, on one thread and on two.</summary>
[MemoryDiagnoser]
public class CohortBenchmarks
{
    private readonly CareerPlanner _planner = CareerPlanner.CreateDefault();

    [Params(1, 2)]
    public int Threads { get; set; }

    [Benchmark]
    public long Cohort100000() => Cohort.Run(_planner, 100_000, Threads).Steps;
}
