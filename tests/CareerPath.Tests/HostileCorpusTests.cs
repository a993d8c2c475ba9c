using System.Text.RegularExpressions;

namespace CareerPath.Tests;

/// <summary>
/// Issue 8: hostile and malformed rule packs and student records, one file each, in Hostile/packs and
/// Hostile/students. Each file names the error it must produce on its first line,
/// <c># expect: &lt;part of the message&gt; @ &lt;line&gt;:&lt;column&gt;</c> (or, for a file that cannot hold
/// a readable first line, in a <c>.expect</c> file beside it), and must produce exactly that: the
/// documented exception, with that error at that place, and never the student's name.
/// </summary>
public sealed partial class HostileCorpusTests
{
    public const string Folder = "tests/CareerPath.Tests/Hostile";

    /// <summary>The name every student record of the corpus carries: it must never reach a message.</summary>
    private const string StudentName = "李明轩";

    public static TheoryData<string> Packs => [.. Files("packs")];

    public static TheoryData<string> Students => [.. Files("students")];

    [Fact]
    public void The_corpus_has_at_least_forty_packs_and_forty_student_records()
    {
        Assert.True(Files("packs").Count() >= 40 && Files("students").Count() >= 40, $"{Files("packs").Count()} packs, {Files("students").Count()} student records");
    }

    [Theory]
    [MemberData(nameof(Packs))]
    public void A_hostile_pack_is_refused_with_its_expected_error_and_nothing_loaded(string file)
    {
        var path = Path.Combine(TestFiles.RepoRoot, file);
        var (message, line, column) = Expected(path);

        var exception = Assert.Throws<RulePackException>(() => RulePackLoader.LoadFiles([path]));

        Assert.True(exception.Errors.Any(e => e.Line == line && e.Column == column && e.Message.Contains(message, StringComparison.Ordinal)),
            $"expected '{message}' at {line}:{column}; got:{Environment.NewLine}{string.Join(Environment.NewLine, exception.Errors)}");
    }

    [Theory]
    [MemberData(nameof(Students))]
    public void A_malformed_student_record_is_refused_with_its_expected_error_and_never_its_name(string file)
    {
        var path = Path.Combine(TestFiles.RepoRoot, file);
        var (message, line, column) = Expected(path);

        var exception = Assert.Throws<StudentProfileException>(() => StudentProfileReader.ReadFile(path, RulePackLoader.LoadDefault()));

        Assert.True(exception.Errors.Any(e => e.Line == line && e.Column == column && e.Message.Contains(message, StringComparison.Ordinal)),
            $"expected '{message}' at {line}:{column}; got:{Environment.NewLine}{string.Join(Environment.NewLine, exception.Errors)}");
        Assert.DoesNotContain(StudentName, exception.Message, StringComparison.Ordinal);
    }

    private static (string Message, int Line, int Column) Expected(string path)
    {
        var beside = Path.ChangeExtension(path, ".expect");
        var header = File.Exists(beside)
            ? File.ReadAllText(beside).Trim()
            : new StreamReader(path).ReadLine() ?? string.Empty;
        var match = ExpectLine().Match(header);
        Assert.True(match.Success, $"{path} should start with '# expect: <part of the message> @ <line>:<column>' (or have a .expect file beside it).");
        return (match.Groups["message"].Value, int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(match.Groups["column"].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static IEnumerable<string> Files(string kind) =>
        Directory.EnumerateFiles(Path.Combine(TestFiles.RepoRoot, Folder, kind))
            .Where(f => !f.EndsWith(".expect", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(TestFiles.RepoRoot, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    [GeneratedRegex(@"^(# expect: )?(?<message>.+) @ (?<line>\d+):(?<column>\d+)$")]
    private static partial Regex ExpectLine();
}
