using System.Text.Json;

namespace CareerPath.Samples.Tests;

public sealed class PlanCommandTests
{
    private const string MiniPack = "tests/CareerPath.Tests/Packs/mini.yaml";
    private const string GoodStudent = "tests/CareerPath.Tests/Students/good.yaml";
    private const string BadStudent = "tests/CareerPath.Tests/Students/bad.yaml";

    public static TheoryData<string> SampleStudents =>
        [.. Directory.GetFiles(Path.Combine(AppProcess.RepoRoot, "samples", "students")).Select(Path.GetFileName).Order(StringComparer.Ordinal).Cast<string>()];

    [Theory]
    [MemberData(nameof(SampleStudents))]
    public void Every_sample_student_gets_a_plan_from_the_embedded_default_pack(string file)
    {
        var (exitCode, output, error) = AppProcess.Run("plan", $"samples/students/{file}");

        Assert.True(exitCode == 0, error);
        Assert.Equal(string.Empty, error);
        foreach (var phase in new[] { "Professional cognition", "Position segmentation", "Dedicated study", "Precise employment", "Career rooting" })
        {
            Assert.Contains(phase, output, StringComparison.Ordinal);
        }

        Assert.Contains(">> ", output, StringComparison.Ordinal);
        Assert.Contains("Why: ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_text_plan_shows_the_phases_in_order_with_the_current_one_marked()
    {
        var (exitCode, output, _) = AppProcess.Run("plan", GoodStudent, "--rules", MiniPack);

        Assert.Equal(0, exitCode);
        var positions = new[] { "1. Professional cognition", "2. Position segmentation", "3. Dedicated study", "4. Precise employment", "5. Career rooting" }
            .Select(title => output.IndexOf(title, StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.Equal(positions.Order(), positions);
        Assert.Contains(">> 3. Dedicated study (CURRENT", output, StringComparison.Ordinal);
        Assert.Contains("[done]", output, StringComparison.Ordinal);
        Assert.Contains("[NOW]", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_plan_carries_the_documented_fields()
    {
        var (exitCode, output, _) = AppProcess.Run("plan", GoodStudent, "--rules", MiniPack, "--format", "json");

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal("2024-m1-0001", root.GetProperty("studentId").GetString());
        Assert.Equal("mini", root.GetProperty("pack").GetProperty("name").GetString());
        Assert.Equal("2.0.0", root.GetProperty("pack").GetProperty("version").GetString());
        Assert.Equal("p4", root.GetProperty("pathway").GetString());
        var position = root.GetProperty("position");
        Assert.Equal(("higher-vocational", 1, 2), (position.GetProperty("stage").GetString(), position.GetProperty("year").GetInt32(), position.GetProperty("term").GetInt32()));
        var phases = root.GetProperty("phases").EnumerateArray().ToList();
        Assert.Equal(["professional-cognition", "position-segmentation", "dedicated-study", "precise-employment", "career-rooting"], phases.Select(p => p.GetProperty("id").GetString()));
        Assert.Equal("current", phases[2].GetProperty("status").GetString());
        var step = phases[0].GetProperty("steps")[0];
        foreach (var key in new[] { "ruleId", "title", "detail", "category", "due", "status", "why" })
        {
            Assert.True(step.TryGetProperty(key, out _), $"a step should carry '{key}'");
        }

        Assert.Equal(JsonValueKind.Array, root.GetProperty("diagnostics").ValueKind);
    }

    [Fact]
    public void The_plan_speaks_chinese_when_asked()
    {
        var (exitCode, output, _) = AppProcess.Run("plan", GoodStudent, "--rules", MiniPack, "--lang", "zh-CN");

        Assert.Equal(0, exitCode);
        Assert.Contains("专注学业", output, StringComparison.Ordinal);
        Assert.Contains("认识专业一", output, StringComparison.Ordinal);
        Assert.Contains("原因：", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_student_file_exits_2_with_every_error_located_and_no_stack_trace()
    {
        var (exitCode, output, error) = AppProcess.Run("plan", BadStudent, "--rules", MiniPack);

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Contains($"{BadStudent}:3:1: unknown key in a student record. Did you mean 'major'?", error, StringComparison.Ordinal);
        Assert.Contains($"{BadStudent}:10:7:", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("王秀英", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_rule_pack_exits_2_with_all_its_errors()
    {
        var (exitCode, _, error) = AppProcess.Run("plan", GoodStudent, "--rules", "tests/CareerPath.Tests/Packs/three-mistakes.yaml");

        Assert.Equal(2, exitCode);
        Assert.Contains("three-mistakes.yaml:24:5:", error, StringComparison.Ordinal);
        Assert.Contains("three-mistakes.yaml:32:5:", error, StringComparison.Ordinal);
        Assert.Contains("three-mistakes.yaml:41:", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_student_file_exits_2_naming_it()
    {
        var (exitCode, _, error) = AppProcess.Run("plan", "samples/students/nobody.yaml");

        Assert.Equal(2, exitCode);
        Assert.Contains("samples/students/nobody.yaml: the file does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_option_value_exits_2_with_usage_help()
    {
        var (exitCode, _, error) = AppProcess.Run("plan", GoodStudent, "--format", "pdf");

        Assert.Equal(2, exitCode);
        Assert.Contains("pdf", error, StringComparison.Ordinal);
        Assert.Contains("--help", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_describes_the_plan_command()
    {
        var (exitCode, output, _) = AppProcess.Run("plan", "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("--rules", output, StringComparison.Ordinal);
        Assert.Contains("--lang", output, StringComparison.Ordinal);
        Assert.Contains("--format", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_language_the_pack_lacks_exits_2_naming_the_pack_languages()
    {
        var (exitCode, output, error) = AppProcess.Run("plan", "samples/students/cnt-232-secondary-y1.yaml", "--lang", "fr");

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Contains("en and zh-CN", error, StringComparison.Ordinal);
    }
}
