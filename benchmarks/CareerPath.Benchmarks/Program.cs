using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;

namespace CareerPath.Benchmarks;

/// <summary>
/// The full suite: <c>dotnet run -c Release --project benchmarks/CareerPath.Benchmarks -- --filter '*'</c>.
/// A quick stopwatch check (seconds, not minutes): <c>... -- --quick</c>.
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args is ["--quick"])
        {
            Quick();
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }

    /// <summary>Plans the benchmark student in a loop and prints time and bytes per plan.</summary>
    private static void Quick()
    {
        var load = Stopwatch.StartNew();
        var planner = CareerPlanner.CreateDefault();
        load.Stop();
        var student = PlanBenchmarks.Student;
        for (var i = 0; i < 20_000; i++)
        {
            planner.Plan(student);
        }

        const int Plans = 200_000;
        var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Plans; i++)
        {
            planner.Plan(student);
        }

        clock.Stop();
        var bytes = (GC.GetAllocatedBytesForCurrentThread() - bytesBefore) / (double)Plans;
        var plan = planner.Plan(student);
        var folder = Path.Combine(AppContext.BaseDirectory, "DefaultPack");
        var warm = Stopwatch.StartNew();
        var warmLoads = 0;
        while (warm.Elapsed < TimeSpan.FromSeconds(3) || warmLoads < 3)
        {
            RulePackLoader.LoadFiles([folder]);
            warmLoads++;
        }

        warm.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"default pack loaded again from its YAML files in a warm process: {warm.Elapsed.TotalMilliseconds / warmLoads:F0} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"default pack: {planner.RuleSet.RuleCount} rules, loaded and compiled in {load.Elapsed.TotalMilliseconds:F0} ms (cold process)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"one plan ({plan.Phases.Sum(p => p.Steps.Count)} steps): {clock.Elapsed.TotalMicroseconds / Plans:F2} µs, {bytes:F0} bytes allocated"));
    }
}
