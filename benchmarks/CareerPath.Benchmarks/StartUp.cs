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

    /// <summary>The median of five runs after one warm-up run (which fills the disk cache), or null when the app is not built.</summary>
    public static double? PlanCommandMilliseconds()
    {
        var root = RepositoryRoot();
        if (root is null)
        {
            return null;
        }

        var folder = Path.Combine(root, "src", "CareerPath.Samples", "bin", Configuration, "net10.0");
        var app = Path.Combine(folder, OperatingSystem.IsWindows() ? "CareerPath.Samples.exe" : "CareerPath.Samples");
        var student = Path.Combine(root, "samples", "students", "cnt-232-higher-y3.yaml");
        if (!File.Exists(app) || !File.Exists(student))
        {
            Console.Error.WriteLine($"planCommandMs: {app} is not built; build src/CareerPath.Samples in {Configuration} first.");
            return null;
        }

        Time(app, student);
        var times = new double[5];
        for (var i = 0; i < times.Length; i++)
        {
            times[i] = Time(app, student);
        }

        Array.Sort(times);
        return times[times.Length / 2];
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
            throw new InvalidOperationException($"the plan command exited with {process.ExitCode}.");
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
