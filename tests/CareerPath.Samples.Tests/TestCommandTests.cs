namespace CareerPath.Samples.Tests;

/// <summary><c>careerpath test</c> as a school's CI runs it: a readable report and an exit code to act on.</summary>
public sealed class TestCommandTests
{
    private const string MiniPack = "tests/CareerPath.Tests/Packs/mini.yaml";
    private const string Scenarios = "tests/CareerPath.Tests/Scenarios/";

    [Fact]
    public void Scenarios_that_hold_report_pass_and_exit_0()
    {
        var (exitCode, output, error) = AppProcess.Run("test", Scenarios + "passing.yaml", "--rules", MiniPack);

        Assert.True(exitCode == 0, error);
        Assert.Contains("  pass  A graduate six months on is in career rooting (line 15)", output, StringComparison.Ordinal);
        Assert.Contains("2 scenarios run with mini 2.0.0: 2 passed, 0 failed.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failing_scenario_lists_what_failed_and_exits_3()
    {
        var (exitCode, output, _) = AppProcess.Run("test", Scenarios + "failing.yaml", "--rules", MiniPack);

        Assert.Equal(3, exitCode);
        Assert.Contains("  FAIL  Every expectation fails (line 3)", output, StringComparison.Ordinal);
        Assert.Contains("        - expected the current phase to be precise-employment, but it is dedicated-study.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Mistakes_in_scenario_files_are_reported_with_their_places_and_exit_2()
    {
        var (exitCode, _, error) = AppProcess.Run("test", Scenarios + "broken.yaml", "--rules", MiniPack);

        Assert.Equal(2, exitCode);
        Assert.Contains("broken.yaml:7:17: 'present' names the rule 'gap-s2'", error, StringComparison.Ordinal);
        Assert.Contains("Some scenarios could not run: 5 problems to fix.", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }
}
