using BenchmarkDotNet.Running;

namespace CareerPath.Benchmarks;

/// <summary>
/// The full suite: <c>dotnet run -c Release --project benchmarks/CareerPath.Benchmarks -- --filter '*'</c>.
/// The quick mode, every goal in one JSON object in under a minute: <c>... -- quick</c>.
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args is ["quick"] or ["--quick"])
        {
            Quick.Run(Console.Out);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
