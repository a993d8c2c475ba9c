using BenchmarkDotNet.Running;

namespace CareerPath.Benchmarks;

/// <summary>Runs the suite: <c>dotnet run -c Release --project benchmarks/CareerPath.Benchmarks -- --filter *</c>.</summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
