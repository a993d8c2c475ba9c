using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;
using CareerPath.Benchmarks.Baselines;
using CareerPath.Benchmarks.Generated;
using CareerPath.Engine;

namespace CareerPath.Benchmarks;

/// <summary>
/// The quick mode: every goal of the performance issue checked in one run of well under a minute,
/// with a stopwatch harness (medians of several rounds, each way measured in the same process so
/// the ratios hold on a noisy machine), printed as one JSON object.
/// </summary>
internal static class Quick
{
    private const int Rounds = 7;
    private static readonly TimeSpan RoundTime = TimeSpan.FromMilliseconds(150);

    /// <summary>Long enough for the JIT's tiered compilation to finish with the code being measured.</summary>
    private static readonly TimeSpan WarmUp = TimeSpan.FromMilliseconds(600);

    public static void Run(TextWriter output)
    {
        var results = new List<(string Key, object? Value)>();
        void Add(string key, object? value) => results.Add((key, value));

        Add("machine", Machine());

        // Rule evaluation: the same 210 generated rules, the same 64 students, facts made beforehand.
        var generated = PackGenerator.Generate(Workloads.EvalRules);
        var pack = generated.Load();
        var students = Workloads.Students(pack);
        var rulesEngine = new RulesEngineBaseline(pack);
        var all = Workloads.AllSlots(pack);
        var fired = new List<RuleSlot>(Workloads.EvalRules);
        Add("evalSameRulesFired", SameRulesFire(pack, generated, students, rulesEngine, fired));

        var eval = Measure(
            () =>
            {
                foreach (var s in students)
                {
                    rulesEngine.CountFired(s.Student, s.Facts);
                }
            },
            () =>
            {
                foreach (var s in students)
                {
                    Workloads.FireHandWritten(generated.HandWritten, s);
                }
            },
            () =>
            {
                foreach (var s in students)
                {
                    Workloads.FireIndexed(pack, s, fired);
                }
            },
            () =>
            {
                foreach (var s in students)
                {
                    fired.Clear();
                    CareerPlanner.Fire(s.Student, s.Facts, all, fired, diagnostics: null);
                }
            });
        var (reEval, handEval, ourEval, everyRule) = (eval[0], eval[1], eval[2], eval[3]);
        var perStudent = (double)students.Length;
        Add("evalRules", Workloads.EvalRules);
        Add("evalRulesEngineMicroseconds", reEval.Microseconds / perStudent);
        Add("evalRulesEngineBytes", reEval.Bytes / perStudent);
        Add("evalHandWrittenMicroseconds", handEval.Microseconds / perStudent);
        Add("evalMicroseconds", ourEval.Microseconds / perStudent);
        Add("evalBytes", ourEval.Bytes / perStudent);
        Add("evalEveryRuleMicroseconds", everyRule.Microseconds / perStudent);
        Add("evalVsRulesEngine", reEval.Microseconds / ourEval.Microseconds);
        Add("evalVsHandWritten", ourEval.Microseconds / handEval.Microseconds);
        Add("evalEveryRuleVsHandWritten", everyRule.Microseconds / handEval.Microseconds);
        Add("evalBytesPerRule", Math.Max(ourEval.Bytes, everyRule.Bytes) / perStudent / Workloads.EvalRules);

        // A whole plan for the default pack's benchmark student, and for generated default-pack students.
        var planner = CareerPlanner.CreateDefault();
        var rePlanner = new RulesEngineBaseline(planner.RuleSet).Planner(planner.RuleSet);
        var student = Workloads.Student;
        var plan = planner.Plan(student);
        Add("planSameAsRulesEngine", SamePlan(plan, rePlanner.Plan(student)));
        Add("planSteps", plan.Phases.Sum(p => p.Steps.Count));
        var cohortStudents = new StudentGenerator(planner.RuleSet).Students(Workloads.StudentCount).ToArray();
        var chineseOptions = new PlanOptions { Language = "zh-CN" };
        // RulesEngine's plan goes first in each round: it allocates 390 KB a plan, and whatever runs
        // right after it pays for the caches it leaves cold.
        var plans = Measure(
            () => rePlanner.Plan(student),
            () =>
            {
                foreach (var s in cohortStudents)
                {
                    planner.Plan(s);
                }
            },
            () => planner.Plan(student),
            () => planner.Plan(student, chineseOptions));
        var (theirs, cohortPlans, ours, chinese) = (plans[0], plans[1], plans[2], plans[3]);
        Add("planMicroseconds", ours.Microseconds);
        Add("planBytes", ours.Bytes);
        Add("planChineseMicroseconds", chinese.Microseconds);
        Add("planChineseBytes", chinese.Bytes);
        Add("planRulesEngineMicroseconds", theirs.Microseconds);
        Add("planRulesEngineBytes", theirs.Bytes);
        Add("planVsRulesEngine", theirs.Microseconds / ours.Microseconds);
        Add("planGeneratedStudentMicroseconds", cohortPlans.Microseconds / cohortStudents.Length);
        Add("planGeneratedStudentBytes", cohortPlans.Bytes / cohortStudents.Length);

        // A cohort of 100,000 generated students, streamed, on one thread and on two.
        // One thread and two take turns, three times each; the median of each is kept.
        Cohort.Run(planner, 20_000, 2);
        var small = Cohort.Run(planner, 20_000, 2);
        var ones = new List<CohortRun>(3);
        var twos = new List<CohortRun>(3);
        for (var i = 0; i < 3; i++)
        {
            ones.Add(Cohort.Run(planner, 100_000, 1));
            twos.Add(Cohort.Run(planner, 100_000, 2));
        }

        var one = ones.OrderBy(run => run.Elapsed).ElementAt(1);
        var two = twos.OrderBy(run => run.Elapsed).ElementAt(1);
        Add("cohortStudents", 100_000);
        Add("cohortSeconds", two.Elapsed.TotalSeconds);
        Add("cohortOneThreadSeconds", one.Elapsed.TotalSeconds);
        Add("parallelSpeedup", one.Elapsed.TotalSeconds / two.Elapsed.TotalSeconds);
        Add("cohortHeapPeakMB20000", small.MaxHeapBytes / 1048576.0);
        Add("cohortHeapPeakMB100000", two.MaxHeapBytes / 1048576.0);
        Add("cohortRetainedMB20000", small.RetainedBytes / 1048576.0);
        Add("cohortRetainedMB100000", two.RetainedBytes / 1048576.0);

        // Loading: the default pack again in this warm process, and 1,000 and 5,000 generated rules.
        var defaultSources = RulePackLoader.EmbeddedSources();
        // Parsed from its YAML, as any school's pack is (LoadDefault reads its snapshot instead).
        Add("loadDefaultMs", MedianMilliseconds(5, () => RulePackLoader.Load(defaultSources, [], new Yaml.InputErrorList(), InputLimits.Default), warmUps: 3));
        Add("loadDefaultSnapshotMs", MedianMilliseconds(5, () => RulePackLoader.LoadDefaultAnew()));
        var thousand = PackGenerator.Generate(1_000);
        Add("load1000Ms", MedianMilliseconds(3, () => thousand.Load()));
        var fiveThousand = PackGenerator.Generate(5_000);
        Add("load5000Ms", MedianMilliseconds(3, () => fiveThousand.Load()));
        Add("retained5000MB", RetainedMegabytes(fiveThousand));

        // The sample app, from process start to printed plan: as built, and published ReadyToRun when it has been.
        var built = StartUp.PlanCommandMilliseconds(StartUp.BuiltApp());
        var readyToRun = StartUp.PlanCommandMilliseconds(StartUp.PublishedApp());
        Add("planCommandMs", readyToRun ?? built);
        Add("planCommandApp", readyToRun is null ? "built" : "ReadyToRun");
        Add("planCommandBuiltMs", built);
        Add("planCommandReadyToRunMs", readyToRun);

        Write(output, results);
    }

    /// <summary>Whether the three ways fire exactly the same rules for every student.</summary>
    private static bool SameRulesFire(RuleSet pack, GeneratedPack generated, StudentWithFacts[] students, RulesEngineBaseline rulesEngine, List<RuleSlot> fired)
    {
        foreach (var s in students)
        {
            Workloads.FireIndexed(pack, s, fired);
            var ours = fired.Select(slot => slot.Rule.Id).ToHashSet(StringComparer.Ordinal);
            var hand = generated.HandWritten.Where(rule => rule.Applies(s.Student, s.Facts)).Select(rule => rule.Id);
            if (!ours.SetEquals(rulesEngine.Fired(s.Student, s.Facts)) || !ours.SetEquals(hand))
            {
                Console.Error.WriteLine($"{s.Student.Id}: the three ways fired different rules.");
                return false;
            }
        }

        return true;
    }

    private static bool SamePlan(CareerPlan a, CareerPlan b) =>
        JsonSerializer.Serialize(a) == JsonSerializer.Serialize(b);

    /// <summary>
    /// Median time of one call of each action and the bytes one call allocates. The actions take turns,
    /// round after round (after a warm-up long enough for tiered compilation to settle), so that a
    /// noisy spell on the machine falls on all of them alike and the ratios between them hold.
    /// </summary>
    private static (double Microseconds, double Bytes)[] Measure(params Action[] actions)
    {
        var perRound = new int[actions.Length];
        for (var a = 0; a < actions.Length; a++)
        {
            var warm = Stopwatch.StartNew();
            while (warm.Elapsed < WarmUp)
            {
                actions[a]();
            }

            var sizing = Stopwatch.StartNew();
            while (sizing.Elapsed < RoundTime)
            {
                actions[a]();
                perRound[a]++;
            }
        }

        var times = new double[actions.Length][];
        var bytes = new long[actions.Length];
        for (var a = 0; a < actions.Length; a++)
        {
            times[a] = new double[Rounds];
        }

        for (var r = 0; r < Rounds; r++)
        {
            for (var a = 0; a < actions.Length; a++)
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                var clock = Stopwatch.StartNew();
                for (var i = 0; i < perRound[a]; i++)
                {
                    actions[a]();
                }

                times[a][r] = clock.Elapsed.TotalMicroseconds / perRound[a];
                bytes[a] += GC.GetAllocatedBytesForCurrentThread() - before;
            }
        }

        var results = new (double, double)[actions.Length];
        for (var a = 0; a < actions.Length; a++)
        {
            Array.Sort(times[a]);
            results[a] = (times[a][Rounds / 2], bytes[a] / (double)(Rounds * perRound[a]));
        }

        return results;
    }

    /// <summary>The median of <paramref name="runs"/> timed runs after <paramref name="warmUps"/> untimed ones.</summary>
    private static double MedianMilliseconds(int runs, Action action, int warmUps = 1)
    {
        for (var i = 0; i < warmUps; i++)
        {
            action();
        }

        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            action();
            times[i] = clock.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        return times[runs / 2];
    }

    private static double RetainedMegabytes(GeneratedPack pack)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var loaded = pack.Load();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(loaded);
        return (after - before) / 1048576.0;
    }

    private static Dictionary<string, object> Machine() => new()
    {
        ["cpu"] = CpuModel(),
        ["cores"] = Environment.ProcessorCount,
        ["os"] = RuntimeInformation.OSDescription,
        ["runtime"] = RuntimeInformation.FrameworkDescription,
        ["serverGC"] = System.Runtime.GCSettings.IsServerGC,
    };

    private static string CpuModel()
    {
        const string CpuInfo = "/proc/cpuinfo";
        if (File.Exists(CpuInfo))
        {
            foreach (var line in File.ReadLines(CpuInfo))
            {
                if (line.StartsWith("model name", StringComparison.Ordinal))
                {
                    return line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
                }
            }
        }

        return RuntimeInformation.ProcessArchitecture.ToString();
    }

    private static void Write(TextWriter output, List<(string Key, object? Value)> results)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            foreach (var (key, value) in results)
            {
                json.WritePropertyName(key);
                switch (value)
                {
                    case null:
                        json.WriteNullValue();
                        break;
                    case double number:
                        json.WriteNumberValue(Math.Round(number, number >= 100 ? 1 : 3));
                        break;
                    default:
                        JsonSerializer.Serialize(json, value);
                        break;
                }
            }

            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
