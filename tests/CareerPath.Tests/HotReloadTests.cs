using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CareerPath.Tests;

/// <summary>Hot reload: a changed pack is checked off the planning path and swapped in whole; a broken one never serves.</summary>
public sealed class HotReloadTests
{
    private static readonly string Mini = File.ReadAllText(TestFiles.Pack("mini.yaml"));
    private static readonly StudentProfile Student = MiniStudents.At("higher-vocational", 1);

    private static string Version(string version) => Mini.Replace("version: 2.0.0", $"version: {version}", StringComparison.Ordinal);

    private static Task Next(ReloadingCareerPlanner planner, bool failed)
    {
        var done = new TaskCompletionSource();
        if (failed)
        {
            planner.ReloadFailed += (_, _) => done.TrySetResult();
        }
        else
        {
            planner.Reloaded += (_, _) => done.TrySetResult();
        }

        return done.Task.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_changed_pack_file_is_swapped_in_and_plans_say_the_new_version()
    {
        var file = TestFiles.Write("mini.yaml", Mini);
        using var planner = new ReloadingCareerPlanner([Path.GetDirectoryName(file)!]);
        Assert.Equal("2.0.0", planner.Plan(Student).Pack.Version);

        var reloaded = Next(planner, failed: false);
        await File.WriteAllTextAsync(file, Version("2.1.0"), TestContext.Current.CancellationToken);
        await reloaded;

        Assert.Equal("2.1.0", planner.Plan(Student).Pack.Version);
    }

    [Fact]
    public async Task A_broken_change_is_logged_with_its_place_and_the_last_good_pack_keeps_serving()
    {
        var file = TestFiles.Write("mini.yaml", Mini);
        var logs = new LogRecords();
        using var planner = new ReloadingCareerPlanner([file], logs.CreateLogger("test"));

        var failed = Next(planner, failed: true);
        await File.WriteAllTextAsync(file, Mini.Replace("phase: dedicated-study", "phase: dedicated-studdy", StringComparison.Ordinal), TestContext.Current.CancellationToken);
        await failed;

        Assert.Equal("2.0.0", planner.Plan(Student).Pack.Version);
        Assert.Contains(planner.LastErrors, e => e.Line > 0 && e.Message.Contains("'dedicated-studdy' is not a phase", StringComparison.Ordinal));
        var record = Assert.Single(logs.All, r => r.Level == LogLevel.Error);
        Assert.Contains("still serving mini 2.0.0", record.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pack_that_does_not_load_at_start_is_an_exception_there_is_no_good_pack_to_serve()
    {
        var file = TestFiles.Write("mini.yaml", "pack: { name: broken }\n");

        Assert.Throws<RulePackException>(() => new ReloadingCareerPlanner([file]));
    }

    [Fact]
    public void Every_plan_made_during_reloads_comes_from_one_whole_pack()
    {
        var file = TestFiles.Write("mini.yaml", Mini);
        var v2 = Version("3.0.0").Replace("Meet {major}", "Get to know {major}", StringComparison.Ordinal);
        using var planner = new ReloadingCareerPlanner([file]);
        using var stop = new CancellationTokenSource();
        var planners = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            var plans = 0;
            while (!stop.IsCancellationRequested)
            {
                var plan = planner.Plan(Student);
                var title = plan.Phases[0].Steps.Single(s => s.RuleId == "orient").Title;
                Assert.Equal(plan.Pack.Version == "3.0.0" ? "Get to know Major one" : "Meet Major one", title);
                plans++;
            }

            return plans;
        }, TestContext.Current.CancellationToken)).ToList();

        for (var i = 0; i < 20; i++)
        {
            File.WriteAllText(file, i % 2 == 0 ? v2 : Mini);
            Assert.True(planner.Reload());
        }

        stop.Cancel();
        Assert.All(planners, p => Assert.True(p.Result > 0));
    }

    [Fact]
    public async Task A_reload_handler_that_throws_is_logged_and_reloading_goes_on()
    {
        var file = TestFiles.Write("mini.yaml", Mini);
        var logs = new LogRecords();
        using var planner = new ReloadingCareerPlanner([file], logs.CreateLogger("test"));
        planner.Reloaded += (_, _) => throw new InvalidOperationException("a host's handler failed");

        await File.WriteAllTextAsync(file, Version("2.1.0"), TestContext.Current.CancellationToken);
        await Until(() => planner.RuleSet.Version == "2.1.0");
        await File.WriteAllTextAsync(file, Version("2.2.0"), TestContext.Current.CancellationToken);
        await Until(() => planner.RuleSet.Version == "2.2.0");

        Assert.Contains(logs.All, r => r.EventId.Id == 5 && r.Exception is InvalidOperationException);
    }

    private static async Task Until(Func<bool> condition)
    {
        for (var waited = 0; !condition(); waited += 50)
        {
            Assert.True(waited < 20_000, "the reload did not happen within 20 s");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task A_host_that_asks_for_it_gets_a_planner_that_reloads()
    {
        var file = TestFiles.Write("mini.yaml", Mini);
        var services = new ServiceCollection().AddCareerPath(options =>
        {
            options.UseDefaultPack = false;
            options.WatchForChanges = true;
            options.AddRulePackFile(file);
        });
        using var provider = services.BuildServiceProvider();
        var planner = provider.GetRequiredService<ICareerPlanner>();
        var reloaded = Next(provider.GetRequiredService<ReloadingCareerPlanner>(), failed: false);

        await File.WriteAllTextAsync(file, Version("2.2.0"), TestContext.Current.CancellationToken);
        await reloaded;

        Assert.Equal(("2.2.0", "2.2.0"), (planner.RuleSet.Version, planner.Plan(Student).Pack.Version));
    }
}
