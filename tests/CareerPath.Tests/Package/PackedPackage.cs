using System.Diagnostics;

namespace CareerPath.Tests.Package;

/// <summary>
/// The library packed once for the package tests, as <c>dotnet pack -c Release</c> makes it, into a
/// fresh local feed, with a version no other run has: a cached CareerPath package can never stand in.
/// </summary>
public sealed class PackedPackage : IDisposable
{
    public PackedPackage()
    {
        Work = Path.Combine(Path.GetTempPath(), "careerpath-package", Guid.NewGuid().ToString("N"));
        Feed = Path.Combine(Work, "feed");
        var clock = Stopwatch.StartNew();
        // Its own artifacts folder, so the Release build never touches the bin/ and obj/ this test runs from.
        Dotnet.Run(TestFiles.RepoRoot,
        [
            "pack", Path.Combine("src", "CareerPath"), "-c", "Release", "-o", Feed,
            "--version-suffix", "consumer.r" + Guid.NewGuid().ToString("N")[..12],
            "--artifacts-path", Path.Combine(Work, "artifacts"),
        ]);
        PackTime = clock.Elapsed;
        Package = Assert.Single(Directory.GetFiles(Feed, "CareerPath.*.nupkg"));
        Symbols = Path.ChangeExtension(Package, ".snupkg");
        Version = Path.GetFileNameWithoutExtension(Package)["CareerPath.".Length..];
    }

    /// <summary>The run's own folder in the temporary folder: feed, build artifacts, consumer.</summary>
    public string Work { get; }

    /// <summary>The local feed the package was packed into.</summary>
    public string Feed { get; }

    /// <summary>The .nupkg.</summary>
    public string Package { get; }

    /// <summary>The .snupkg beside it.</summary>
    public string Symbols { get; }

    /// <summary>The package's version, for example <c>0.1.0-consumer.r1a2b3c4d5e6f</c>.</summary>
    public string Version { get; }

    /// <summary>How long <c>dotnet pack</c> took.</summary>
    public TimeSpan PackTime { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Work, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves a folder in the temporary folder.
        }
    }
}
