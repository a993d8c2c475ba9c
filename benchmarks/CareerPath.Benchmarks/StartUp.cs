using System.Diagnostics;

namespace CareerPath.Benchmarks;

/// <summary>Times the sample app's <c>plan</c> command as a person runs it: from process start to the printed plan.</summary>
internal static class StartUp
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    /// <summary>Where docs/performance.md publishes the app ReadyToRun: <c>dotnet publish src/CareerPath.Samples -c Release -r linux-x64 -o artifacts/careerpath</c>.</summary>
    public const string PublishFolder = "artifacts/careerpath";

    private static readonly string AppName = OperatingSystem.IsWindows() ? "CareerPath.Samples.exe" : "CareerPath.Samples";

    /// <summary>The app as <c>dotnet build</c> leaves it (compiled on first use, method by method).</summary>
    public static string? BuiltApp() => App(Path.Combine("src", "CareerPath.Samples", "bin", Configuration, "net10.0"), $"build src/CareerPath.Samples in {Configuration} first");

    /// <summary>The app published ReadyToRun (compiled ahead of time), as a school would install it.</summary>
    public static string? PublishedApp() => App(PublishFolder, $"publish it with 'dotnet publish src/CareerPath.Samples -c Release -r linux-x64 -o {PublishFolder}' to time it ReadyToRun");

    /// <summary>The median of five runs of <paramref name="app"/> after one warm-up run (which fills the disk cache), or null when there is no app.</summary>
    public static double? PlanCommandMilliseconds(string? app)
    {
        if (app is null || RepositoryRoot() is not { } root)
        {
            return null;
        }

        var student = Path.Combine(root, "samples", "students", "cnt-232-higher-y3.yaml");
        Time(app, student);
        var times = new double[5];
        for (var i = 0; i < times.Length; i++)
        {
            times[i] = Time(app, student);
        }

        Array.Sort(times);
        return times[times.Length / 2];
    }

    private static string? App(string folder, string howToMakeIt)
    {
        if (RepositoryRoot() is not { } root)
        {
            return null;
        }

        var app = Path.Combine(root, folder, AppName);
        if (!File.Exists(app))
        {
            Console.Error.WriteLine($"planCommandMs: {Path.Combine(folder, AppName)} is not there; {howToMakeIt}.");
            return null;
        }

        return app;
    }

    private static double Time(string app, string student)
    {
        var start = new ProcessStartInfo(app) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("plan");
        start.ArgumentList.Add(student);
        start.Environment["NO_COLOR"] = "1";
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var printed = process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        clock.Stop();
        if (process.ExitCode != 0 || printed.Length == 0)
        {
            throw new InvalidOperationException($"the plan command of {app} exited with {process.ExitCode}.");
        }

        return clock.Elapsed.TotalMilliseconds;
    }

    private static string? RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CareerPath.sln")))
            {
                return folder.FullName;
            }
        }

        return null;
    }
}
