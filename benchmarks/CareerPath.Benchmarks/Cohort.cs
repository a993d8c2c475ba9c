using System.Diagnostics;
using CareerPath.Benchmarks.Generated;

namespace CareerPath.Benchmarks;

/// <summary>
/// What planning a cohort took: the steps made (so nothing is optimised away), the wall time, the
/// largest heap seen while it ran, and the heap still held after it (a full collection before and after).
/// </summary>
internal readonly record struct CohortRun(long Steps, TimeSpan Elapsed, long MaxHeapBytes, long RetainedBytes);

/// <summary>
/// Plans a generated cohort the way a nightly job would: each thread makes its students one at a
/// time (student <c>i</c> is the same whichever thread makes it), plans them and lets them go.
/// </summary>
internal static class Cohort
{
    public static CohortRun Run(CareerPlanner planner, int students, int threads)
    {
        long steps = 0;
        long maxHeap = 0;
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();
        var workers = new Thread[threads];
        for (var t = 0; t < threads; t++)
        {
            var first = t;
            workers[t] = new Thread(() =>
            {
                var generator = new StudentGenerator(planner.RuleSet);
                long mine = 0;
                for (var i = first; i < students; i += threads)
                {
                    var plan = planner.Plan(generator.Student(i));
                    foreach (var phase in plan.Phases)
                    {
                        mine += phase.Steps.Count;
                    }

                    if (first == 0 && i % 8192 == 0)
                    {
                        InterlockedMax(ref maxHeap, GC.GetTotalMemory(forceFullCollection: false));
                    }
                }

                Interlocked.Add(ref steps, mine);
            });
            workers[t].Start();
        }

        foreach (var worker in workers)
        {
            worker.Join();
        }

        clock.Stop();
        return new CohortRun(steps, clock.Elapsed, maxHeap, GC.GetTotalMemory(forceFullCollection: true) - before);
    }

    private static void InterlockedMax(ref long target, long value)
    {
        var seen = Volatile.Read(ref target);
        while (value > seen)
        {
            var previous = Interlocked.CompareExchange(ref target, value, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }
}
