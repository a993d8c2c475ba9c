using PublicApiGenerator;

namespace CareerPath.Tests.PublicApi;

/// <summary>
/// The public surface is a listing checked in beside this file. A change to it fails here until the
/// listing is updated on purpose, so no public type or signature changes by accident.
/// </summary>
public sealed class PublicApiTests
{
    private static readonly string Folder = Path.Combine(TestFiles.RepoRoot, "tests", "CareerPath.Tests", "PublicApi");

    [Fact]
    public void The_public_API_is_the_approved_one()
    {
        var approvedPath = Path.Combine(Folder, "CareerPath.approved.txt");
        var receivedPath = Path.Combine(Folder, "CareerPath.received.txt");
        var received = Normalized(typeof(CareerPlanner).Assembly.GeneratePublicApi());
        var approved = File.Exists(approvedPath) ? Normalized(File.ReadAllText(approvedPath)) : string.Empty;

        if (received == approved)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, received);
        var approvedLines = approved.Split('\n').ToHashSet(StringComparer.Ordinal);
        var receivedLines = received.Split('\n').ToHashSet(StringComparer.Ordinal);
        var changes = receivedLines.Except(approvedLines).Select(line => "+ " + line)
            .Concat(approvedLines.Except(receivedLines).Select(line => "- " + line))
            .Take(40);
        Assert.Fail(
            (approved.Length == 0 ? $"There is no approved public API listing at {Relative(approvedPath)}:" : $"The public API differs from {Relative(approvedPath)}:") + Environment.NewLine +
            string.Join(Environment.NewLine, changes) + Environment.NewLine +
            $"The whole new listing is in {Relative(receivedPath)}. If the change is intended, accept it with{Environment.NewLine}" +
            $"  cp {Relative(receivedPath)} {Relative(approvedPath)}{Environment.NewLine}" +
            "and commit the approved file with the change (say in the changelog what changed for package users).");
    }

    private static string Normalized(string text) => text.ReplaceLineEndings("\n").TrimEnd() + "\n";

    private static string Relative(string path) => Path.GetRelativePath(TestFiles.RepoRoot, path).Replace('\\', '/');
}
