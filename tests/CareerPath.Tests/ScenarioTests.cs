namespace CareerPath.Tests;

/// <summary>Scenario files: a student, what the plan must show, and a report that says what failed.</summary>
public sealed class ScenarioTests
{
    private static readonly CareerPlanner Mini = new(TestFiles.MiniPack);

    private static string File(string name) => Path.Combine(AppContext.BaseDirectory, "Scenarios", name);

    [Fact]
    public void Scenarios_that_hold_pass_whether_the_student_is_a_file_or_inline()
    {
        var report = ScenarioRunner.Run([File("passing.yaml")], Mini);

        Assert.True(report.Passed, string.Join("; ", report.Errors.Select(e => e.ToString()).Concat(report.Results.SelectMany(r => r.Failures))));
        Assert.Equal([(3, "A first-year higher-vocational student with a target is in dedicated study"), (15, "A graduate six months on is in career rooting")],
            report.Results.Select(r => (r.Line, r.Name)));
    }

    [Fact]
    public void Each_expectation_that_fails_is_said_in_words()
    {
        var result = Assert.Single(ScenarioRunner.Run([File("failing.yaml")], Mini).Results);

        Assert.False(result.Passed);
        Assert.Equal(
        [
            "expected the current phase to be precise-employment, but it is dedicated-study.",
            "expected the phase dedicated-study to be done, but it is current.",
            "expected a step from the rule 'follow-1', but the plan has none.",
            "expected no step from the rule 'gap-s1', but the plan has \"Raise skill one\".",
            "expected the step from the rule 'gap-s1' to be done, but \"Raise skill one\" is now.",
            "expected a step whose title or detail contains \"no such words\", but none does.",
            "expected no step to contain \"Raise skill one\", but the step from 'close-skill-gaps' does: \"Raise Skill one from level 2 to 3\".",
            "expected the target positions [upos1], but they are [pos1].",
        ], result.Failures);
    }

    [Fact]
    public void Mistakes_in_a_scenario_file_are_all_reported_with_their_lines_and_nothing_runs()
    {
        var report = ScenarioRunner.Run([File("broken.yaml")], Mini);

        Assert.Empty(report.Results);
        Assert.False(report.Passed);
        Assert.Equal([6, 7, 8, 10, 13], report.Errors.Select(e => e.Line));
        Assert.Contains("Did you mean 'dedicated-study'", report.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("the rule 'gap-s2', which the pack 'mini' does not have", report.Errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("'student' names '../Students/nobody.yaml'", report.Errors[3].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_runs_every_scenario_file_in_it()
    {
        var report = ScenarioRunner.Run([Path.Combine(AppContext.BaseDirectory, "Scenarios")], Mini);

        Assert.Equal(3, report.Results.Count);
        Assert.Equal(5, report.Errors.Count);
    }

    [Theory]
    [InlineData("scenarios:\n", "'scenarios' is empty")]
    [InlineData("scenarios:\n  - name: ''\n    student: ../Students/good.yaml\n    expect: { present: [gap-s1] }\n", "'name' is empty")]
    [InlineData("scenarios:\n  - name: n\n    student: ../Students/good.yaml\n    expect: { contains: [''] }\n", "an empty text in 'contains'")]
    public void A_scenario_file_that_could_never_fail_is_an_error(string yaml, string message)
    {
        var file = Path.Combine(AppContext.BaseDirectory, "Scenarios", $"never-fails-{Math.Abs(yaml.GetHashCode(StringComparison.Ordinal))}.yml");
        System.IO.File.WriteAllText(file, yaml);
        try
        {
            var report = ScenarioRunner.Run([file], Mini);

            Assert.False(report.Passed);
            Assert.Contains(report.Errors, e => e.Message.Contains(message, StringComparison.Ordinal));
        }
        finally
        {
            System.IO.File.Delete(file);
        }
    }
}
