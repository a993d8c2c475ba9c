namespace CareerPath.Samples.Tests;

/// <summary><c>plan --format markdown|html</c>: a plan to paste into a report, and a page to print and hand over.</summary>
public sealed class PlanFormatTests
{
    private const string Student = "samples/students/cnt-232-higher-y3.yaml";

    [Fact]
    public void Markdown_has_the_five_phases_as_sections_with_the_current_one_marked()
    {
        var (exitCode, output, error) = AppProcess.Run("plan", Student, "--format", "markdown");

        Assert.True(exitCode == 0, error);
        Assert.StartsWith("# Career plan for student 2020-cnt-0173", output, StringComparison.Ordinal);
        Assert.Contains("## 3. Dedicated study ◀ now", output, StringComparison.Ordinal);
        Assert.Contains("## Target positions (by fit)", output, StringComparison.Ordinal);
        Assert.Contains("- [x] done: ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_is_one_self_contained_page_with_no_scripts_or_outside_files()
    {
        var (exitCode, output, error) = AppProcess.Run("plan", Student, "--format", "html", "--lang", "zh-CN");

        Assert.True(exitCode == 0, error);
        Assert.StartsWith("<!DOCTYPE html>", output, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"zh-CN\">", output, StringComparison.Ordinal);
        Assert.Contains("@media print", output, StringComparison.Ordinal);
        Assert.Contains("<h2>3. 专注学业 ◀ 当前</h2>", output, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", output, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Markup_in_a_pack_text_is_shown_as_text_not_run()
    {
        var pack = Path.Combine(Path.GetTempPath(), $"markup-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(pack, File.ReadAllText(Path.Combine(AppProcess.RepoRoot, "tests/CareerPath.Tests/Packs/mini.yaml"))
            .Replace("Tour the labs of {major} on {pathway}.", "<script>alert(1)</script> *not bold*", StringComparison.Ordinal));
        try
        {
            var (exitCode, output, error) = AppProcess.Run("plan", "tests/CareerPath.Tests/Students/good.yaml", "--rules", pack, "--format", "html");

            Assert.True(exitCode == 0, error);
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; *not bold*", output, StringComparison.Ordinal);
            Assert.DoesNotContain("<script", output, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            File.Delete(pack);
        }
    }

    [Fact]
    public void Text_sent_to_a_pipe_or_file_has_no_colour_codes()
    {
        var (exitCode, output, error) = AppProcess.Run("plan", Student);

        Assert.True(exitCode == 0, error);
        Assert.Contains(">> 3. Dedicated study", output, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', output);
    }
}
