using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CareerPath.Samples.Tests;

public sealed partial class BatchCommandTests : IDisposable
{
    private const string SampleCohort = "samples/cohort.csv";
    private const string Fixtures = "tests/CareerPath.Samples.Tests/Cohorts";
    private static readonly string[] PhaseIds = ["professional-cognition", "position-segmentation", "dedicated-study", "precise-employment", "career-rooting"];

    private readonly string output = Path.Combine(Path.GetTempPath(), "careerpath-batch-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }
    }

    /// <summary>The line numbers of the sample cohort's deliberately bad rows, as docs/cohort-format.md lists them.</summary>
    private static IReadOnlyList<int> DocumentedBadRows()
    {
        var docs = File.ReadAllText(Path.Combine(AppProcess.RepoRoot, "docs", "cohort-format.md"));
        var list = BadRowsComment().Match(docs);
        Assert.True(list.Success, "docs/cohort-format.md should list the bad rows in a comment: <!-- bad rows: 19, 69, ... -->");
        return [.. list.Groups[1].Value.Split(',', StringSplitOptions.TrimEntries).Select(n => int.Parse(n, CultureInfo.InvariantCulture))];
    }

    [Fact]
    public void The_sample_cohort_in_jsonl_has_one_valid_plan_per_good_row_in_input_order()
    {
        var (exitCode, _, error) = AppProcess.Run("batch", SampleCohort, "--out", output, "--format", "jsonl");

        Assert.True(exitCode == 4, error);
        var dataRows = File.ReadLines(Path.Combine(AppProcess.RepoRoot, SampleCohort)).Count() - 1;
        var lines = File.ReadAllLines(Path.Combine(output, "plans.jsonl"));
        Assert.Equal(dataRows - DocumentedBadRows().Count, lines.Length);
        var ids = new List<string>();
        foreach (var line in lines)
        {
            using var plan = JsonDocument.Parse(line);
            ids.Add(plan.RootElement.GetProperty("studentId").GetString()!);
            Assert.Equal(PhaseIds, plan.RootElement.GetProperty("phases").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        }

        var inputOrder = File.ReadLines(Path.Combine(AppProcess.RepoRoot, SampleCohort)).Skip(1).Select(l => l.Split(',')[0]).Where(ids.Contains).ToList();
        Assert.Equal(inputOrder, ids);
    }

    [Fact]
    public void Each_bad_row_of_the_sample_cohort_is_reported_on_stderr_with_its_line_number_and_exits_4()
    {
        var (exitCode, stdout, error) = AppProcess.Run("batch", SampleCohort, "--out", output, "--format", "jsonl");

        Assert.Equal(4, exitCode);
        var reported = ReportedRow().Matches(error).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Distinct().ToList();
        Assert.Equal(DocumentedBadRows(), reported);
        Assert.Contains("samples/cohort.csv:row 19: major: this is not a major of this rule pack.", error, StringComparison.Ordinal);
        Assert.DoesNotContain("row", stdout.Split('\n')[0], StringComparison.Ordinal);
        Assert.Contains($"skipped {DocumentedBadRows().Count}", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cohort_that_breaks_off_part_way_still_reports_the_bad_rows_read_before_the_break()
    {
        Directory.CreateDirectory(output);
        var cohort = Path.Combine(output, "breaks-off.csv");
        var sample = File.ReadAllLines(Path.Combine(AppProcess.RepoRoot, SampleCohort));
        File.WriteAllLines(cohort, [.. sample.Take(201), new string('x', 2 * 1024 * 1024), .. sample.Skip(201).Take(50)]);

        var (exitCode, _, error) = AppProcess.Run("batch", cohort, "--out", Path.Combine(output, "plans"), "--format", "jsonl");

        Assert.Equal(2, exitCode);
        Assert.Contains("The batch stopped: no summary was written.", error, StringComparison.Ordinal);
        var reported = ReportedRow().Matches(error).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToHashSet();
        var wellBefore = DocumentedBadRows().Where(row => row <= 160).ToList();
        Assert.NotEmpty(wellBefore);
        Assert.All(wellBefore, row => Assert.Contains(row, reported));
    }

    [Fact]
    public void Json_format_writes_one_plan_file_per_student_named_by_id()
    {
        var (exitCode, _, error) = AppProcess.Run("batch", $"{Fixtures}/good.csv", "--out", output, "--format", "json");

        Assert.True(exitCode == 0, error);
        Assert.Equal(string.Empty, error);
        foreach (var id in new[] { "2024-cnt-0301", "2023-ai-0302" })
        {
            using var plan = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, id + ".json")));
            Assert.Equal(id, plan.RootElement.GetProperty("studentId").GetString());
        }
    }

    [Fact]
    public void Text_format_writes_the_plan_a_counselor_reads_for_each_student()
    {
        var (exitCode, _, error) = AppProcess.Run("batch", $"{Fixtures}/good.csv", "--out", output, "--format", "text");

        Assert.True(exitCode == 0, error);
        var text = File.ReadAllText(Path.Combine(output, "2024-cnt-0301.txt"));
        Assert.StartsWith("Career plan for student 2024-cnt-0301", text, StringComparison.Ordinal);
        Assert.Contains(">> 1. Professional cognition (CURRENT", text, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "2023-ai-0302.txt")));
    }

    [Fact]
    public void A_folder_of_yaml_records_is_planned_file_by_file()
    {
        var records = Directory.GetFiles(Path.Combine(AppProcess.RepoRoot, "samples", "students"));

        var (exitCode, stdout, error) = AppProcess.Run("batch", "samples/students", "--out", output);

        Assert.True(exitCode == 0, error);
        Assert.Equal(records.Length, Directory.GetFiles(output, "*.json").Length);
        Assert.Contains($"Planned {records.Length} students, skipped 0", stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "2022-bda-0215.json")), "bda-32-higher-y1.yaml's student is 2022-bda-0215");
    }

    [Fact]
    public void A_bad_yaml_record_in_a_folder_is_reported_at_its_line_and_skipped()
    {
        var folder = Path.Combine(output, "in");
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(AppProcess.RepoRoot, "samples", "broken", "bad-student.yaml"), Path.Combine(folder, "a-bad.yaml"));
        File.Copy(Path.Combine(AppProcess.RepoRoot, "samples", "students", "cnt-232-secondary-y1.yaml"), Path.Combine(folder, "b-good.yaml"));

        var (exitCode, stdout, error) = AppProcess.Run("batch", folder, "--out", Path.Combine(output, "out"));

        Assert.Equal(4, exitCode);
        Assert.Contains("a-bad.yaml:8:1: unknown key in a student record. Did you mean 'major'?", error, StringComparison.Ordinal);
        Assert.Contains("Planned 1 student, skipped 1", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_summary_counts_every_planned_student_once_by_phase_and_names_the_graduates_without_a_job()
    {
        var (exitCode, stdout, _) = AppProcess.Run("batch", SampleCohort, "--out", output, "--format", "jsonl");

        Assert.Equal(4, exitCode);
        var summary = File.ReadAllText(Path.Combine(output, "summary.md"));
        var planned = int.Parse(PlannedCount().Match(summary).Groups[1].Value, CultureInfo.InvariantCulture);
        var phases = Section(summary, "## Students per phase");
        var counts = PhaseRow().Matches(phases).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(5, counts.Count);
        Assert.Equal(planned, counts.Sum());
        Assert.Contains("![Students per phase](phases.png)", phases, StringComparison.Ordinal);
        Assert.True(new FileInfo(Path.Combine(output, "phases.png")).Length > 1000);

        var counselor = Section(summary, "## Need a counselor now");
        Assert.Matches(@"\| `[^`]+` \| graduated \d+ months? ago, not employed", counselor);
        Assert.Contains("| final year, no target position chosen |", counselor, StringComparison.Ordinal);
        Assert.True(CounselorRow().Count(counselor) <= 50);
        Assert.Equal(10, TopRow().Count(Section(summary, "## The 10 most common skill gaps")));
        Assert.Equal(10, TopRow().Count(Section(summary, "## The 10 most missing certificates")));
        Assert.Contains($"Planned {planned} students", stdout, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(output, "summary.md"), stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_summary_speaks_chinese_when_the_plans_do()
    {
        var (exitCode, stdout, _) = AppProcess.Run("batch", $"{Fixtures}/good.csv", "--out", output, "--lang", "zh-CN", "--format", "jsonl");

        Assert.Equal(0, exitCode);
        var summary = File.ReadAllText(Path.Combine(output, "summary.md"));
        Assert.Contains("# 学生群体汇总", summary, StringComparison.Ordinal);
        Assert.Contains("专业认知", summary, StringComparison.Ordinal);
        Assert.Contains("已为 2 名学生生成规划", stdout, StringComparison.Ordinal);
        Assert.Contains("\"language\":\"zh-CN\"", File.ReadAllText(Path.Combine(output, "plans.jsonl")), StringComparison.Ordinal);
    }

    [Fact]
    public void Row_mistakes_are_each_reported_with_the_row_and_the_rest_is_planned()
    {
        var (exitCode, _, error) = AppProcess.Run("batch", $"{Fixtures}/mixed.csv", "--out", output);

        Assert.Equal(4, exitCode);
        var file = $"{Fixtures}/mixed.csv";
        Assert.Contains($"{file}:row 3: year: the cell must be a whole number.", error, StringComparison.Ordinal);
        Assert.Contains($"{file}:row 4: a quoted cell is not closed on its line", error, StringComparison.Ordinal);
        Assert.Contains($"{file}:row 5: id: '2024-cnt-0201' was planned before", error, StringComparison.Ordinal);
        Assert.Contains($"{file}:row 8: graduationMonths: a graduated student needs", error, StringComparison.Ordinal);
        Assert.Contains($"{file}:row 9: employed: the cell must be true or false", error, StringComparison.Ordinal);
        Assert.DoesNotContain(":row 7:", error, StringComparison.Ordinal);
        Assert.Equal(["2024-cnt-0201.json", "2024-cnt-0208.json"], Directory.GetFiles(output, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_example_in_the_cohort_format_docs_plans_every_row()
    {
        var docs = File.ReadAllText(Path.Combine(AppProcess.RepoRoot, "docs", "cohort-format.md"));
        var start = docs.IndexOf("```csv\n", StringComparison.Ordinal) + "```csv\n".Length;
        Directory.CreateDirectory(output);
        var example = Path.Combine(output, "example.csv");
        File.WriteAllText(example, docs[start..docs.IndexOf("```", start, StringComparison.Ordinal)]);

        var (exitCode, stdout, error) = AppProcess.Run("batch", example, "--out", Path.Combine(output, "plans"));

        Assert.True(exitCode == 0, error);
        Assert.StartsWith("Planned 3 students, skipped 0", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("李明轩", string.Concat(Directory.GetFiles(Path.Combine(output, "plans"), "*.json").Select(File.ReadAllText)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_input_exits_2_and_writes_nothing()
    {
        var (exitCode, stdout, error) = AppProcess.Run("batch", "samples/nobody.csv", "--out", output);

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("samples/nobody.csv: the file does not exist.", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void A_folder_without_records_exits_2()
    {
        var (exitCode, _, error) = AppProcess.Run("batch", "scenarios", "--out", output);

        Assert.Equal(2, exitCode);
        Assert.Contains("scenarios: the folder has no student records", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_rule_pack_exits_2_before_any_row_is_read()
    {
        var (exitCode, _, error) = AppProcess.Run("batch", SampleCohort, "--out", output, "--rules", "tests/CareerPath.Tests/Packs/three-mistakes.yaml");

        Assert.Equal(2, exitCode);
        Assert.Contains("three-mistakes.yaml:24:5:", error, StringComparison.Ordinal);
        Assert.DoesNotContain(":row ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_columns_exit_2_naming_each_one()
    {
        var (exitCode, stdout, error) = AppProcess.Run("batch", $"{Fixtures}/unknown-columns.csv", "--out", output);

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("unknown-columns.csv:row 1: unknown columns 'grade', 'studentName'", error, StringComparison.Ordinal);
        Assert.Contains("No plans were made.", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Li Ming", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_with_broken_quoting_exits_2_instead_of_taking_the_next_row_for_the_header()
    {
        var (exitCode, _, error) = AppProcess.Run("batch", $"{Fixtures}/broken-header.csv", "--out", output);

        Assert.Equal(2, exitCode);
        Assert.Contains("broken-header.csv:row 1: a quoted cell is not closed on its line", error, StringComparison.Ordinal);
        Assert.DoesNotContain("unknown column", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("text")]
    [InlineData("jsonl")]
    public void A_student_name_column_is_never_read_nor_written_anywhere(string format)
    {
        var (exitCode, stdout, error) = AppProcess.Run("batch", $"{Fixtures}/with-names.csv", "--out", output, "--format", format);

        Assert.Equal(4, exitCode);
        Assert.Contains("with-names.csv:row 5: year:", error, StringComparison.Ordinal);
        var outputs = Directory.GetFiles(output).Where(f => !f.EndsWith(".png", StringComparison.Ordinal)).Select(File.ReadAllText).Append(stdout).Append(error).ToList();
        Assert.True(outputs.Count >= 4);
        Assert.All(outputs, text =>
        {
            Assert.DoesNotContain("Distinctive", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("韩雪薇", text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Every_output_file_is_complete_and_no_temporary_file_is_left()
    {
        var (exitCode, _, _) = AppProcess.Run("batch", $"{Fixtures}/mixed.csv", "--out", output, "--format", "jsonl");

        Assert.Equal(4, exitCode);
        Assert.Empty(Directory.GetFiles(output, "*.tmp"));
        Assert.Equal(["phases.png", "plans.jsonl", "summary.md"], Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Redirected_output_has_no_progress_only_the_short_summary()
    {
        var (exitCode, stdout, _) = AppProcess.Run("batch", $"{Fixtures}/good.csv", "--out", output);

        Assert.Equal(0, exitCode);
        Assert.DoesNotContain("\u001b[", stdout, StringComparison.Ordinal);
        Assert.StartsWith("Planned 2 students, skipped 0", stdout, StringComparison.Ordinal);
        Assert.Equal(5, stdout.TrimEnd().Split('\n').Length);
    }

    [Fact]
    public void A_single_student_record_is_pointed_to_the_plan_command()
    {
        var (exitCode, _, error) = AppProcess.Run("batch", "samples/students/cnt-232-secondary-y1.yaml", "--out", output);

        Assert.Equal(2, exitCode);
        Assert.Contains("careerpath plan samples/students/cnt-232-secondary-y1.yaml", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_generator_makes_the_sample_cohort_byte_for_byte()
    {
        Directory.CreateDirectory(output);
        var made = Path.Combine(output, "cohort.csv");

        var (exitCode, stdout, error, _) = AppProcess.RunDll("CohortGenerator.dll", TimeSpan.FromSeconds(60), "--out", made);

        Assert.True(exitCode == 0, error);
        Assert.Equal(File.ReadAllBytes(Path.Combine(AppProcess.RepoRoot, SampleCohort)), File.ReadAllBytes(made));
        Assert.Contains("by line: " + string.Join(", ", DocumentedBadRows()), stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sample_cohort_spans_every_major_pathway_and_stage_of_the_default_pack()
    {
        var bad = DocumentedBadRows();
        var rows = File.ReadLines(Path.Combine(AppProcess.RepoRoot, SampleCohort)).Select((line, i) => (Line: i + 1, Cells: line.Split(',')))
            .Where(r => r.Line > 1 && !bad.Contains(r.Line)).Select(r => r.Cells).ToList();

        Assert.True(rows.Count >= 1000);
        Assert.Equal(6, rows.Select(r => r[1]).Distinct().Count());
        Assert.Equal(["2+3+2", "3+2", "3+4", "five-year", "higher-vocational-3", "open-education"], rows.Select(r => r[2]).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(["graduated", "higher-vocational", "secondary-vocational", "undergraduate"], rows.Select(r => r[3]).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(96, rows.Select(r => (r[1], r[2], r[3])).Distinct().Count());
    }

    [Fact]
    public void A_cohort_of_100000_rows_finishes_in_jsonl_without_holding_the_plans()
    {
        Directory.CreateDirectory(output);
        var cohort = Path.Combine(output, "cohort-100k.csv");
        var generated = AppProcess.RunDll("CohortGenerator.dll", TimeSpan.FromSeconds(120), "--rows", "100000", "--out", cohort);
        Assert.True(generated.ExitCode == 0, generated.Error);

        var clock = Stopwatch.StartNew();
        var (exitCode, stdout, error, peak) = AppProcess.RunDll("CareerPath.Samples.dll", TimeSpan.FromMinutes(5), "batch", cohort, "--out", Path.Combine(output, "plans"), "--format", "jsonl");
        clock.Stop();

        Assert.Equal(4, exitCode);
        Assert.Equal(2000, ReportedRow().Matches(error).Select(m => m.Groups[1].Value).Distinct().Count());
        var lines = 0;
        using (var reader = new StreamReader(Path.Combine(output, "plans", "plans.jsonl")))
        {
            while (reader.ReadLine() is not null)
            {
                lines++;
            }
        }

        Assert.Equal(98_000, lines);
        Assert.Contains("Planned 98000 students, skipped 2000", stdout, StringComparison.Ordinal);

        // Holding 98,000 plans would take gigabytes; streaming stays near the size of one.
        Assert.True(peak < 600L * 1024 * 1024, $"peak working set {peak / (1024 * 1024)} MiB");
        TestContext.Current.SendDiagnosticMessage($"100,000 rows: {clock.Elapsed.TotalSeconds:0.0} s, peak working set {peak / (1024 * 1024)} MiB");
    }

    private static string Section(string markdown, string heading)
    {
        var start = markdown.IndexOf(heading, StringComparison.Ordinal);
        Assert.True(start >= 0, $"summary.md should have '{heading}'");
        var end = markdown.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
        return end < 0 ? markdown[start..] : markdown[start..end];
    }

    [GeneratedRegex(@"<!-- bad rows: ([\d, ]+) -->")]
    private static partial Regex BadRowsComment();

    [GeneratedRegex(@"\.csv:row (\d+): ")]
    private static partial Regex ReportedRow();

    [GeneratedRegex(@"\| planned \| (\d+) \|")]
    private static partial Regex PlannedCount();

    [GeneratedRegex(@"^\| \d\. [^|]+ \| (\d+) \|", RegexOptions.Multiline)]
    private static partial Regex PhaseRow();

    [GeneratedRegex(@"^\| `[^`]+` \| [^|]+ \|$", RegexOptions.Multiline)]
    private static partial Regex CounselorRow();

    [GeneratedRegex(@"^\| [^|]+ \| `[^`]+` \| \d+ \|$", RegexOptions.Multiline)]
    private static partial Regex TopRow();
}
