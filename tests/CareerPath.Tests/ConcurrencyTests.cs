using System.Collections.Concurrent;

namespace CareerPath.Tests;

/// <summary>Issue 8: plans from 8 threads while the pack reloads, good and broken changes in turn; every plan comes from one whole pack.</summary>
public sealed class ConcurrencyTests
{
    private static readonly string Mini = File.ReadAllText(TestFiles.Pack("mini.yaml"));

    /// <summary>Version n of the pack: its orientation step's title says which version made it.</summary>
    private static string Version(int n) =>
        Mini.Replace("version: 2.0.0", $"version: {n}.0.0", StringComparison.Ordinal)
            .Replace("Meet {major}", $"Meet {{major}} (v{n})", StringComparison.Ordinal);

    [Fact]
    public void Plans_from_eight_threads_during_reloads_each_come_from_exactly_one_pack_version_and_nothing_escapes()
    {
        var file = TestFiles.Write("mini.yaml", Version(1));
        using var planner = new ReloadingCareerPlanner([file]);
        var students = Enumerable.Range(0, 8).Select(i => MiniStudents.At("secondary-vocational", 1) with { Id = $"t-{i}", Gpa = i % 2 == 0 ? null : 3.7 }).ToList();
        var failures = new ConcurrentQueue<string>();
        var versions = new ConcurrentDictionary<string, int>();
        using var stop = new CancellationTokenSource();

        var threads = students.Select(student => new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var plan = planner.Plan(student);
                    var title = plan.Phases[0].Steps.Single(s => s.RuleId == "orient").Title;
                    var version = plan.Pack.Version[..plan.Pack.Version.IndexOf('.', StringComparison.Ordinal)];
                    if (title != $"Meet Major one (v{version})")
                    {
                        failures.Enqueue($"pack {plan.Pack.Version} made the step '{title}'");
                    }

                    versions.AddOrUpdate(plan.Pack.Version, 1, (_, n) => n + 1);
                }
#pragma warning disable CA1031 // The test collects whatever escapes, to report it.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    failures.Enqueue(exception.ToString());
                }
            }
        })).ToList();
        threads.ForEach(t => t.Start());

        var reloaded = 0;
        for (var i = 2; i <= 16; i++)
        {
            // Every third change is broken: the last good pack must keep serving.
            File.WriteAllText(file, i % 3 == 0 ? Version(i).Replace("phase: dedicated-study", "phase: nope", StringComparison.Ordinal) : Version(i));
            reloaded += planner.Reload() ? 1 : 0;
            Thread.Sleep(5);
        }

        stop.Cancel();
        threads.ForEach(t => t.Join());

        Assert.Empty(failures);
        Assert.Equal(10, reloaded);
        Assert.True(versions.Count > 1, $"plans saw only {string.Join(", ", versions.Keys)}");
        Assert.DoesNotContain(versions.Keys, v => int.Parse(v[..v.IndexOf('.', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture) % 3 == 0);
    }
}
