using BenchmarkDotNet.Attributes;
using CareerPath.Benchmarks.Baselines;
using CareerPath.Benchmarks.Generated;
using CareerPath.Engine;

namespace CareerPath.Benchmarks;

/// <summary>
/// Rule evaluation alone over the generated 210-rule pack, for 64 generated students whose facts are
/// made beforehand: RulesEngine's one-workflow <c>ExecuteAllRulesAsync</c>, hand-written C# lambdas,
/// and CareerPath's compiled conditions with and without the index. Times are per 64 students.
/// </summary>
[MemoryDiagnoser]
public class EvalBenchmarks
{
    private readonly GeneratedPack _generated = PackGenerator.Generate(Workloads.EvalRules);
    private readonly List<RuleSlot> _fired = new(Workloads.EvalRules);
    private RuleSet _pack = null!;
    private RuleSlot[] _all = [];
    private StudentWithFacts[] _students = [];
    private RulesEngineBaseline _rulesEngine = null!;

    [GlobalSetup]
    public void Setup()
    {
        _pack = _generated.Load();
        _all = Workloads.AllSlots(_pack);
        _students = Workloads.Students(_pack);
        _rulesEngine = new RulesEngineBaseline(_pack);
    }

    [Benchmark(Baseline = true)]
    public int RulesEngineWorkflow()
    {
        var fired = 0;
        foreach (var student in _students)
        {
            fired += _rulesEngine.CountFired(student.Student, student.Facts);
        }

        return fired;
    }

    [Benchmark]
    public int HandWrittenCSharp()
    {
        var fired = 0;
        foreach (var student in _students)
        {
            fired += Workloads.FireHandWritten(_generated.HandWritten, student);
        }

        return fired;
    }

    [Benchmark]
    public int CareerPathIndexed()
    {
        var fired = 0;
        foreach (var student in _students)
        {
            fired += Workloads.FireIndexed(_pack, student, _fired);
        }

        return fired;
    }

    [Benchmark]
    public int CareerPathEveryRule()
    {
        var fired = 0;
        foreach (var student in _students)
        {
            _fired.Clear();
            CareerPlanner.Fire(student.Student, student.Facts, _all, _fired, diagnostics: null);
            fired += _fired.Count;
        }

        return fired;
    }
}
