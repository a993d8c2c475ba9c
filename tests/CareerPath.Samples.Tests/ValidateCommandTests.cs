namespace CareerPath.Samples.Tests;

/// <summary><c>careerpath validate</c> as a school's CI runs it.</summary>
public sealed class ValidateCommandTests
{
    private const string MiniPack = "tests/CareerPath.Tests/Packs/mini.yaml";

    [Fact]
    public void The_default_pack_validates_clean_with_exit_0()
    {
        var (exitCode, output, error) = AppProcess.Run("validate", "src/CareerPath/DefaultPack", "--warnings-as-errors");

        Assert.True(exitCode == 0, error);
        Assert.Contains("careerpath-default", output, StringComparison.Ordinal);
        Assert.Contains("0 warnings", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Warnings_are_listed_with_their_place_and_code_and_exit_0()
    {
        var (exitCode, _, error) = AppProcess.Run("validate", MiniPack, "tests/CareerPath.Tests/Packs/lint/contradiction.yaml");

        Assert.Equal(0, exitCode);
        Assert.Contains("lint/contradiction.yaml:10:12: the 'when' of the rule 'graduated-and-not' can never be true", error, StringComparison.Ordinal);
        Assert.Contains("[contradiction]", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Warnings_as_errors_makes_a_warning_fail_with_exit_2()
    {
        var (exitCode, _, _) = AppProcess.Run("validate", MiniPack, "tests/CareerPath.Tests/Packs/lint/contradiction.yaml", "--warnings-as-errors");

        Assert.Equal(2, exitCode);
    }

    [Fact]
    public void Errors_are_all_listed_and_exit_2()
    {
        var (exitCode, _, error) = AppProcess.Run("validate", "tests/CareerPath.Tests/Packs/three-mistakes.yaml");

        Assert.Equal(2, exitCode);
        Assert.Contains("The rule pack does not load: 4 problems to fix.", error, StringComparison.Ordinal);
    }
}
