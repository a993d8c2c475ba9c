namespace CareerPath.Tests;

/// <summary>
/// RulePackValidator: each warning has a file that triggers it, on the line it names. The fixtures
/// extend the mini pack, so each is validated together with it.
/// </summary>
public sealed class LintTests
{
    private static List<(int Line, string Code, string Id)> Warnings(string fixture)
    {
        var result = RulePackValidator.Validate([TestFiles.Pack("mini.yaml"), TestFiles.Pack(Path.Combine("lint", fixture))]);
        Assert.Empty(result.Errors);
        return [.. result.Warnings.Where(w => w.File.EndsWith(fixture, StringComparison.Ordinal)).Select(w => (w.Line, w.Code!, w.Id!))];
    }

    [Fact]
    public void A_condition_comparing_with_an_id_nothing_defines_is_a_warning_with_a_suggestion()
    {
        var result = RulePackValidator.Validate([TestFiles.Pack("mini.yaml"), TestFiles.Pack("lint/unknown-id.yaml")]);

        var warning = Assert.Single(result.Warnings, w => w.Code == "unknown-id");
        Assert.Equal((11, "typo-goal"), (warning.Line, warning.Id));
        Assert.Contains("Did you mean 'employment'?", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_due_at_a_stage_or_for_a_stage_its_pathways_lack_can_never_fire()
    {
        Assert.Equal([(5, "never-fires", "due-off-the-pathway"), (13, "never-fires", "stage-off-the-pathway")], Warnings("never-fires.yaml"));
    }

    [Fact]
    public void A_condition_that_contradicts_itself_is_a_warning()
    {
        Assert.Equal([(10, "contradiction", "graduated-and-not"), (18, "contradiction", "empty-range")], Warnings("contradiction.yaml"));
    }

    [Fact]
    public void Two_rules_that_say_the_same_to_the_same_student_are_a_warning()
    {
        Assert.Equal([(5, "duplicate-step", "orient-again")], Warnings("duplicate-step.yaml"));
    }

    [Fact]
    public void Catalogue_entries_nothing_uses_are_warnings()
    {
        Assert.Equal(
            [(8, "unused-entry", "s4"), (13, "unused-entry", "c9"), (17, "unused-entry", "l-s3"), (23, "unused-entry", "p9")],
            Warnings("unused.yaml"));
    }

    [Fact]
    public void Rules_for_different_pathways_or_phases_with_the_same_title_are_not_duplicates()
    {
        // The default pack has per-pathway copies and same-titled gap rules of different phases.
        Assert.DoesNotContain(RulePackValidator.Validate([Path.Combine(TestFiles.RepoRoot, "src", "CareerPath", "DefaultPack")]).Warnings, w => w.Code == "duplicate-step");
    }

    [Fact]
    public void The_default_pack_is_lint_clean()
    {
        var result = RulePackValidator.Validate([Path.Combine(TestFiles.RepoRoot, "src", "CareerPath", "DefaultPack")]);

        Assert.True(result.IsClean, string.Join(Environment.NewLine, result.Errors.Concat(result.Warnings)));
    }

    [Fact]
    public void A_pack_with_errors_gives_every_error_and_no_warnings()
    {
        var result = RulePackValidator.Validate([TestFiles.Pack("three-mistakes.yaml")]);

        Assert.Null(result.RuleSet);
        Assert.Equal([20, 24, 32, 41], result.Errors.Select(e => e.Line));
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void A_missing_translation_is_an_error_with_its_line()
    {
        var result = RulePackValidator.Validate([TestFiles.Pack("mini.yaml"), TestFiles.Pack("lint/missing-translation.yaml")]);

        var error = Assert.Single(result.Errors);
        Assert.Equal((9, "title"), (error.Line, error.Field));
        Assert.Contains("has no 'zh-CN' text", error.Message, StringComparison.Ordinal);
    }
}
