using System.Text.Json;

namespace CareerPath.Tests;

/// <summary>Packs that extend others: a school's changes and nothing else, layers, and every mistake located.</summary>
public sealed class PackLayeringTests
{
    private static readonly CareerPlanner Default = CareerPlanner.CreateDefault();

    private static string Layer(string name) => TestFiles.Pack(Path.Combine("layers", name));

    private static IReadOnlyList<InputError> Errors(params string[] paths) =>
        Assert.Throws<RulePackException>(() => RulePackLoader.LoadFiles(paths)).Errors;

    private static StudentProfile Sample(string file) =>
        StudentProfileReader.ReadFile(Path.Combine(TestFiles.RepoRoot, "samples", "students", file));

    [Fact]
    public void A_school_pack_that_disables_overrides_and_adds_a_rule_changes_exactly_those_three_steps()
    {
        var school = new CareerPlanner(RulePackLoader.LoadFiles([TestFiles.Pack("school")]));
        var onSchoolPathways = 0;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(TestFiles.RepoRoot, "samples", "students")).Order(StringComparer.Ordinal))
        {
            var student = StudentProfileReader.ReadFile(file);
            var before = Default.Plan(student);
            var after = school.Plan(student);

            // Everything but the phases is the same, apart from the pack's name.
            Assert.Equal(("example-school", "2026.1"), (after.Pack.Name, after.Pack.Version));
            Assert.Equal(Json(before), Json(after with { Pack = before.Pack, Phases = before.Phases }));

            var beforeSteps = before.Phases.SelectMany(p => p.Steps).ToList();
            var afterSteps = after.Phases.SelectMany(p => p.Steps).ToList();
            var expected = beforeSteps
                .Where(s => s.RuleId != "common-pc-pathway-map")
                .Select(s => s.RuleId == "common-pc-interest-assessment" ? s with { Title = "Take the Holland interest test at the Student Development Centre" } : s)
                .Select(Json)
                .ToList();
            var added = afterSteps.Where(s => s.RuleId == "school-pc-enrolment-talk").ToList();
            Assert.Equal(expected, afterSteps.Except(added).Select(Json).ToList());

            var onPathway = student.Pathway is "3+2" or "2+3+2" or "3+4";
            Assert.Equal(onPathway ? 1 : 0, added.Count);
            onSchoolPathways += onPathway ? 1 : 0;
        }

        Assert.True(onSchoolPathways >= 20, "the samples cover the school's pathways");
    }

    [Fact]
    public void The_added_rule_takes_its_place_in_the_phase_like_any_other()
    {
        var school = new CareerPlanner(RulePackLoader.LoadFiles([TestFiles.Pack("school")]));

        var plan = school.Plan(Sample("cnt-232-secondary-y1.yaml"), new PlanOptions { Language = "zh-CN" });

        var step = Assert.Single(plan.Phases[0].Steps, s => s.RuleId == "school-pc-enrolment-talk");
        Assert.Equal("参加学校的2+3+2 中高本贯通新生说明会", step.Title);
    }

    [Fact]
    public void Layers_apply_base_first_so_a_school_on_a_province_sees_both_changes()
    {
        var pack = RulePackLoader.LoadFiles([Layer("school-a.yaml"), Layer("province.yaml")]);

        Assert.Equal(["careerpath-default", "province", "school-a"], pack.Layers.Select(l => l.Name));
        Assert.Equal(("school-a", "1.0.0"), (pack.Name, pack.Version));
        var step = new CareerPlanner(pack).Plan(Sample("cnt-232-secondary-y1.yaml")).Phases[0].Steps.Single(s => s.RuleId == "common-pc-interest-assessment");
        Assert.Equal(("School A's interest test", 50), (step.Title, step.Priority));
    }

    [Fact]
    public void Two_packs_on_the_same_base_changing_the_same_rule_is_an_error_naming_both()
    {
        var error = Assert.Single(Errors(Layer("province.yaml"), Layer("school-a.yaml"), Layer("school-b.yaml")));

        Assert.EndsWith("school-b.yaml", error.File, StringComparison.Ordinal);
        Assert.Equal(5, error.Line);
        Assert.Contains("'school-a'", error.Message, StringComparison.Ordinal);
        Assert.Contains("both change the rule 'common-pc-interest-assessment'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pack_changing_what_a_pack_it_does_not_extend_changed_is_an_error_at_any_depth()
    {
        var error = Assert.Single(Errors(Layer("province.yaml"), Layer("school-a.yaml"), Layer("school-c.yaml"), Layer("school-d.yaml")));

        Assert.EndsWith("school-c.yaml", error.File, StringComparison.Ordinal);
        Assert.Contains("the packs 'school-d'", error.Message, StringComparison.Ordinal);
        Assert.Contains("neither extends the other", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_packs_on_the_same_base_adding_the_same_catalogue_id_is_an_error()
    {
        var error = Assert.Single(Errors(Layer("adds-skill-1.yaml"), Layer("adds-skill-2.yaml")));

        Assert.Equal((5, "shared-new-skill"), (error.Line, error.Id));
        Assert.EndsWith("adds-skill-2.yaml", error.File, StringComparison.Ordinal);
    }

    [Fact]
    public void Disable_in_a_base_pack_is_an_error_even_when_another_pack_extends_it()
    {
        var error = Assert.Single(Errors(Layer("base-with-disable.yaml"), Layer("on-base-with-disable.yaml")));

        Assert.Equal((5, "extends"), (error.Line, error.Field));
    }

    [Fact]
    public void An_overridden_rules_problems_point_at_the_override()
    {
        var yaml = "pack: { name: late, version: 1.0.0, extends: careerpath-default }\noverrides:\n  - id: common-pc-interest-assessment\n    due: { afterGraduation: 5 }\n";
        var file = TestFiles.Write("late.yaml", yaml);

        var error = Assert.Single(Errors(file));

        Assert.Equal((file, 3, "due"), (error.File, error.Line, error.Field));
    }

    [Fact]
    public void Every_mistake_in_extending_a_pack_is_reported_at_once_with_its_line()
    {
        var errors = Errors(Layer("mistakes.yaml"));

        Assert.Equal([5, 8, 11, 14], errors.Select(e => e.Line));
        Assert.Contains("Did you mean 'common-pc-pathway-map'", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("no pack this one extends has", errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("item placeholder", errors[2].Message, StringComparison.Ordinal);
        Assert.Contains("is already in a pack this one extends", errors[3].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Overrides_in_a_pack_that_extends_nothing_are_an_error()
    {
        var error = Assert.Single(Assert.Throws<RulePackException>(() => RulePackLoader.LoadText(
            "pack: { name: lone, version: 1.0.0 }\noverrides:\n  - id: r1\n    priority: 2\n")).Errors, e => e.Field == "extends");

        Assert.Equal(3, error.Line);
        Assert.Contains("add 'extends: careerpath-default'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extending_a_pack_that_was_not_given_is_an_error_with_the_fix()
    {
        var error = Assert.Single(Errors(Layer("school-a.yaml")));

        Assert.Equal((2, "extends"), (error.Line, error.Field));
        Assert.Contains("extends 'province', which is not among the packs given", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pack_that_extends_nothing_has_no_layers()
    {
        Assert.Empty(RulePackLoader.LoadDefault().Layers);
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value);
}
