using BenchmarkDotNet.Attributes;
using CareerPath.Benchmarks.Generated;

namespace CareerPath.Benchmarks;

/// <summary>Loading, checking and compiling a pack in a warm process: the default pack, and 1,000 and 5,000 generated rules.</summary>
[MemoryDiagnoser]
public class LoadBenchmarks
{
    private readonly List<(string Name, string Text)> _default = RulePackLoader.EmbeddedSources();
    private readonly GeneratedPack _thousand = PackGenerator.Generate(1_000);
    private readonly GeneratedPack _fiveThousand = PackGenerator.Generate(5_000);

    [Benchmark(Baseline = true)]
    public RuleSet DefaultPack() => RulePackLoader.Load(_default, [], new Yaml.InputErrorList(), InputLimits.Default);

    /// <summary>The default pack as <see cref="RulePackLoader.LoadDefault"/> loads it: from its snapshot, with every check.</summary>
    [Benchmark]
#pragma warning disable CA1822 // BenchmarkDotNet runs benchmarks as instance methods.
    public RuleSet DefaultPackFromSnapshot() => RulePackLoader.LoadDefaultAnew();
#pragma warning restore CA1822

    [Benchmark]
    public RuleSet Generated1000() => _thousand.Load();

    [Benchmark]
    public RuleSet Generated5000() => _fiveThousand.Load();
}
