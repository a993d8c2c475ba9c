namespace CareerPath.Samples.Tests;

/// <summary>
/// Issue 8: every command, given files that are empty, cut off, binary, in the wrong encoding, endless or
/// hostile, says what is wrong with exit code 2, shows no stack trace and leaves no output behind.
/// </summary>
public sealed class HostileInputCommandTests
{
    private const string Corpus = "tests/CareerPath.Tests/Hostile";
    private const string GoodStudent = "samples/students/cnt-232-secondary-y1.yaml";

    public static TheoryData<string> Students =>
    [
        $"{Corpus}/students/binary-junk.yaml",
        $"{Corpus}/students/utf16-without-bom.yaml",
        $"{Corpus}/students/invalid-utf8-gbk.yaml",
        $"{Corpus}/students/empty.yaml",
        $"{Corpus}/students/truncated.json",
        $"{Corpus}/students/deep-nesting.yaml",
        $"{Corpus}/students/too-many-skills.yaml",
        "/dev/zero",
    ];

    public static TheoryData<string> Packs =>
    [
        $"{Corpus}/packs/billion-laughs.yaml",
        $"{Corpus}/packs/reflection-assembly-location.yaml",
        $"{Corpus}/packs/generator-range.yaml",
        $"{Corpus}/packs/binary-junk.yaml",
        $"{Corpus}/packs/truncated.yaml",
        $"{Corpus}/packs/condition-deep-brackets.yaml",
        "/dev/urandom",
    ];

    [Theory]
    [MemberData(nameof(Students))]
    public void Plan_refuses_a_hostile_student_file_with_exit_2_and_its_name(string file)
    {
        var (exitCode, output, error) = AppProcess.Run("plan", file);

        AssertRefused(exitCode, error, file);
        Assert.Equal(string.Empty, output);
    }

    [Theory]
    [MemberData(nameof(Packs))]
    public void Plan_refuses_a_hostile_rule_pack_with_exit_2_and_its_name(string pack)
    {
        var (exitCode, output, error) = AppProcess.Run("plan", GoodStudent, "--rules", pack);

        AssertRefused(exitCode, error, pack);
        Assert.Equal(string.Empty, output);
    }

    [Theory]
    [MemberData(nameof(Packs))]
    public void Validate_refuses_a_hostile_rule_pack_with_exit_2_and_its_name(string pack)
    {
        var (exitCode, _, error) = AppProcess.Run("validate", pack);

        AssertRefused(exitCode, error, pack);
    }

    [Theory]
    [InlineData($"{Corpus}/students/binary-junk.yaml")]
    [InlineData($"{Corpus}/packs/empty.yaml")]
    [InlineData("/dev/zero")]
    public void Test_refuses_a_hostile_scenario_file_with_exit_2_and_its_name(string file)
    {
        var (exitCode, _, error) = AppProcess.Run("test", file);

        AssertRefused(exitCode, error, file);
    }

    [Theory]
    [InlineData("/dev/zero")]
    [InlineData($"{Corpus}/students/binary-junk.yaml")]
    public void Batch_refuses_an_input_it_cannot_read_with_exit_2_and_makes_no_output_folder(string input)
    {
        var folder = Path.Combine(Path.GetTempPath(), "careerpath-hostile-" + Guid.NewGuid().ToString("N"));

        var (exitCode, _, error) = AppProcess.Run("batch", input, "--out", folder, "--format", "jsonl");

        AssertRefused(exitCode, error, input);
        Assert.False(Directory.Exists(folder), $"{folder} was made");
    }

    [Fact]
    public void Batch_that_meets_a_row_it_cannot_read_part_way_stops_with_exit_2_and_leaves_no_plans_file_or_summary()
    {
        var folder = Path.Combine(Path.GetTempPath(), "careerpath-hostile-" + Guid.NewGuid().ToString("N"));
        var cohort = Path.Combine(Path.GetTempPath(), "careerpath-hostile-" + Guid.NewGuid().ToString("N") + ".csv");
        var sample = File.ReadAllLines(Path.Combine(AppProcess.RepoRoot, "samples", "cohort.csv"));
        File.WriteAllLines(cohort, [.. sample.Take(4), new string('x', 2 * 1024 * 1024), .. sample.Skip(4).Take(3)]);
        try
        {
            var (exitCode, _, error) = AppProcess.Run("batch", cohort, "--out", folder, "--format", "jsonl");

            AssertRefused(exitCode, error, cohort);
            Assert.Contains("The batch stopped: no summary was written.", error, StringComparison.Ordinal);
            Assert.Empty(Directory.EnumerateFiles(folder));
        }
        finally
        {
            File.Delete(cohort);
            DeleteFolder(folder);
        }
    }

    [Fact]
    public void Batch_over_a_folder_of_hostile_records_skips_each_with_its_reason_and_writes_no_plan_for_them()
    {
        var folder = Path.Combine(Path.GetTempPath(), "careerpath-hostile-" + Guid.NewGuid().ToString("N"));

        try
        {
            var (exitCode, _, error) = AppProcess.Run("batch", $"{Corpus}/students", "--out", folder, "--format", "jsonl");

            Assert.Equal(4, exitCode);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
            Assert.DoesNotContain("李明轩", error, StringComparison.Ordinal);
            Assert.Contains("binary-junk.yaml:2:1: this is not UTF-8 text", error, StringComparison.Ordinal);
            Assert.Equal(string.Empty, File.ReadAllText(Path.Combine(folder, "plans.jsonl")));
            Assert.Empty(Directory.EnumerateFiles(folder, "*.tmp"));
        }
        finally
        {
            DeleteFolder(folder);
        }
    }

    private static void DeleteFolder(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void AssertRefused(int exitCode, string error, string file)
    {
        Assert.True(exitCode == 2, $"exit {exitCode}: {error}");
        Assert.Contains(file, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("unexpected", error, StringComparison.Ordinal);
    }
}
