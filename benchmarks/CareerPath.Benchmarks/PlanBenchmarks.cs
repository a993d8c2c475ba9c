using BenchmarkDotNet.Attributes;
using CareerPath.Benchmarks.Baselines;

namespace CareerPath.Benchmarks;

/// <summary>
/// One whole plan for the default pack's benchmark student (facts, fit, evaluation, ordering,
/// localised result), made by CareerPath and by the same planner with RulesEngine's workflow
/// execution deciding which rules fire.
/// </summary>
[MemoryDiagnoser]
public class PlanBenchmarks
{
    private readonly CareerPlanner _planner = CareerPlanner.CreateDefault();
    private readonly CareerPlanner _rulesEngine;

    public PlanBenchmarks() => _rulesEngine = new RulesEngineBaseline(_planner.RuleSet).Planner(_planner.RuleSet);

    [Benchmark(Baseline = true)]
    public CareerPlan RulesEngineWorkflow() => _rulesEngine.Plan(Workloads.Student);

    [Benchmark]
    public CareerPlan CareerPath() => _planner.Plan(Workloads.Student);

    [Benchmark]
    public CareerPlan CareerPathChinese() => _planner.Plan(Workloads.Student, new PlanOptions { Language = "zh-CN" });
}
