using System.Diagnostics;
using System.Text;

namespace CareerPath.Samples.Tests;

/// <summary>Runs the built counselor app as a user does, from the repository root.</summary>
internal static class AppProcess
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static (int ExitCode, string Out, string Error) Run(params string[] args)
    {
        using var process = Process.Start(StartInfo(args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the app did not finish within 60 seconds: " + string.Join(' ', args));
        }

        return (process.ExitCode, output.Result, error.Result);
    }

    /// <summary>How to start the built app with <paramref name="args"/> from the repository root, its output read as UTF-8.</summary>
    public static ProcessStartInfo StartInfo(params string[] args)
    {
        var app = Path.Combine(AppContext.BaseDirectory, "CareerPath.Samples.dll");
        Assert.True(File.Exists(app), $"the built app should be at {app}");
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
