using System.Diagnostics;
using System.Text;

namespace CareerPath.Samples.Tests;

/// <summary>Runs the built counselor app (or the cohort generator) as a user does, from the repository root.</summary>
internal static class AppProcess
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static (int ExitCode, string Out, string Error) Run(params string[] args)
    {
        var result = RunDll("CareerPath.Samples.dll", TimeSpan.FromSeconds(60), args);
        return (result.ExitCode, result.Out, result.Error);
    }

    /// <summary>How to start the built app with <paramref name="args"/> from the repository root, its output read as UTF-8.</summary>
    public static ProcessStartInfo StartInfo(params string[] args) => StartInfoFor("CareerPath.Samples.dll", args);

    /// <summary>Runs a program built beside the tests; <c>PeakMemory</c> is its largest resident set seen, in bytes.</summary>
    public static (int ExitCode, string Out, string Error, long PeakMemory) RunDll(string dll, TimeSpan timeout, params string[] args)
    {
        using var process = Process.Start(StartInfoFor(dll, args))!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var peak = 0L;
        var deadline = Stopwatch.StartNew();
        while (!process.WaitForExit(TimeSpan.FromMilliseconds(250)))
        {
            peak = Math.Max(peak, PeakWorkingSet(process));
            if (deadline.Elapsed > timeout)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"the program did not finish within {timeout.TotalSeconds} seconds: {dll} {string.Join(' ', args)}");
            }
        }

        return (process.ExitCode, output.Result, error.Result, peak);
    }

    private static ProcessStartInfo StartInfoFor(string dll, string[] args)
    {
        var app = Path.Combine(AppContext.BaseDirectory, dll);
        Assert.True(File.Exists(app), $"the built program should be at {app}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(app);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }

    private static long PeakWorkingSet(Process process)
    {
        try
        {
            process.Refresh();
            return process.PeakWorkingSet64;
        }
        catch (InvalidOperationException)
        {
            return 0; // it has just exited
        }
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CareerPath.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CareerPath.sln was not found above " + AppContext.BaseDirectory);
    }
}
