namespace CareerPath.Tests;

public sealed class RulePackLoadingTests
{
    private const string Header = """
        pack: { name: t, version: 1.0.0 }
        majors:
          - id: m1
            name: { en: Major one, zh-CN: 专业一 }
            level: higher-vocational
            pathways: [p1]
        skills:
          - id: s1
            name: { en: Skill one, zh-CN: 技能一 }
            description: { en: The first skill., zh-CN: 第一项技能。 }
        pathways:
          - id: p1
            name: { en: Pathway one, zh-CN: 路径一 }
            stages: [{ stage: higher-vocational, years: 3 }]
            phases:
              professional-cognition: { stage: first }
              position-segmentation: { stage: first, term: 2 }
              dedicated-study: { stage: first, year: 2 }
              precise-employment: { stage: final, year: last }
              career-rooting: { afterGraduation: 0 }
            followUpMonths: [6]
        rules:

        """;

    private static string Rule(string id, string extra = "", string when = "") =>
        $"  - id: {id}\n    phase: dedicated-study\n    category: course\n    due: now\n"
        + (when.Length > 0 ? $"    when: '{when}'\n" : string.Empty)
        + extra
        + "    title: { en: T, zh-CN: 标题 }\n    detail: { en: D, zh-CN: 详情 }\n";

    private static IReadOnlyList<InputError> Errors(string yaml) =>
        Assert.Throws<RulePackException>(() => RulePackLoader.LoadText(yaml, "pack.yaml")).Errors;

    [Fact]
    public void The_default_pack_loads_from_the_library()
    {
        var pack = RulePackLoader.LoadDefault();

        Assert.Equal("careerpath-default", pack.Name);
        Assert.Equal(["en", "zh-CN"], pack.Languages);
        Assert.True(pack.RuleCount > 0);
    }

    [Fact]
    public void The_default_pack_in_the_repository_is_the_one_embedded()
    {
        var fromFiles = RulePackLoader.LoadFiles([Path.Combine(TestFiles.RepoRoot, "src", "CareerPath", "DefaultPack")]);

        Assert.Equal(RulePackLoader.LoadDefault().RuleCount, fromFiles.RuleCount);
        Assert.Equal(RulePackLoader.LoadDefault().Version, fromFiles.Version);
    }

    [Fact]
    public void A_good_pack_loads_with_its_name_version_and_rules()
    {
        var pack = RulePackLoader.LoadText(Header + Rule("r1") + Rule("r2", when: "facts.SkillLevel(\"s1\") < 2"));

        Assert.Equal("t", pack.Name);
        Assert.Equal("1.0.0", pack.Version);
        Assert.Equal(2, pack.RuleCount);
    }

    [Fact]
    public void A_typo_a_duplicate_id_and_a_broken_condition_are_all_reported_with_their_lines()
    {
        var exception = Assert.Throws<RulePackException>(() => RulePackLoader.LoadFiles([TestFiles.Pack("three-mistakes.yaml")]));

        var errors = exception.Errors;
        Assert.Contains(errors, e => e.Line == 24 && e.Column == 5 && e.Message.Contains("unknown key 'tittle'", StringComparison.Ordinal) && e.Message.Contains("Did you mean 'title'?", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 32 && e.Id == "lab-tour" && e.Message.Contains("used twice (first at", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Line == 41 && e.Id == "late-start" && e.Field == "when" && e.Message.Contains("does not compile", StringComparison.Ordinal));
        Assert.All(errors, e => Assert.EndsWith("three-mistakes.yaml", e.File, StringComparison.Ordinal));
    }

    [Fact]
    public void A_condition_error_points_at_the_column_where_the_condition_breaks()
    {
        var error = Assert.Single(Errors(Header + Rule("r1", when: "student.Year >= && true")));

        Assert.Equal("r1", error.Id);
        Assert.Equal("when", error.Field);
        Assert.True(error.Column > 12, $"column {error.Column} should point inside the condition");
    }

    [Fact]
    public void An_unknown_phase_is_reported_with_a_suggestion()
    {
        var error = Assert.Single(Errors(Header + Rule("r1").Replace("phase: dedicated-study", "phase: dedicated-studies", StringComparison.Ordinal)));

        Assert.Equal("phase", error.Field);
        Assert.Contains("Did you mean 'dedicated-study'?", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_key_in_a_mapping_is_reported()
    {
        var error = Assert.Single(Errors(Header + Rule("r1", extra: "    priority: 1\n    priority: 2\n")));

        Assert.Contains("appears twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_text_missing_a_language_is_reported()
    {
        var error = Assert.Single(Errors(Header + Rule("r1").Replace("title: { en: T, zh-CN: 标题 }", "title: { en: T }", StringComparison.Ordinal)));

        Assert.Contains("no 'zh-CN' text", error.Message, StringComparison.Ordinal);
        Assert.Equal("r1", error.Id);
    }

    [Fact]
    public void A_condition_that_asks_for_an_unknown_skill_is_reported_with_a_suggestion()
    {
        var error = Assert.Single(Errors(Header + Rule("r1", when: "facts.SkillLevel(\"s2\") < 2")));

        Assert.Contains("'s2' is not a skill in this pack", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("student.Name == \"x\"", "personal data")]
    [InlineData("student.GetType().Name == \"x\"", "GetType")]
    [InlineData("student.Skills.Count > 2", "student.Skills")]
    public void A_condition_that_reaches_outside_the_documented_inputs_is_refused(string condition, string expected)
    {
        var errors = Errors(Header + Rule("r1", when: condition));

        Assert.Contains(errors, e => e.Id == "r1" && e.Message.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_reference_to_an_undefined_id_is_reported()
    {
        var error = Assert.Single(Errors(Header + Rule("r1", extra: "    supersedes: [r2]\n")));

        Assert.Contains("the rule 'r2', which no file of the pack defines", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_follow_up_month_the_pathway_does_not_have_is_reported()
    {
        var error = Assert.Single(Errors(Header + Rule("r1").Replace("due: now", "due: { afterGraduation: 3 }", StringComparison.Ordinal)));

        Assert.Contains("follow graduates up at 6 months", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pack_without_a_header_is_reported()
    {
        var error = Assert.Single(Errors(Header.Replace("pack: { name: t, version: 1.0.0 }", string.Empty, StringComparison.Ordinal) + Rule("r1")));

        Assert.Contains("'pack:' header", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pack_split_over_files_with_two_headers_is_reported()
    {
        var first = TestFiles.Write("a.yaml", Header + Rule("r1"));
        var second = Path.Combine(Path.GetDirectoryName(first)!, "b.yaml");
        File.WriteAllText(second, "pack: { name: other, version: 1.0.0 }\n");

        var exception = Assert.Throws<RulePackException>(() => RulePackLoader.LoadFiles([Path.GetDirectoryName(first)!]));

        var error = Assert.Single(exception.Errors);
        Assert.Equal(second, error.File);
        Assert.Contains("second 'pack:' header", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pack_split_over_files_in_a_folder_loads_as_one()
    {
        var catalogue = TestFiles.Write("catalogue.yaml", Header.Replace("rules:", string.Empty, StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(catalogue)!, "rules.yml"), "rules:\n" + Rule("r1"));

        Assert.Equal(1, RulePackLoader.LoadFiles([Path.GetDirectoryName(catalogue)!]).RuleCount);
    }

    [Fact]
    public void A_missing_file_is_reported_by_path()
    {
        var exception = Assert.Throws<RulePackException>(() => RulePackLoader.LoadFiles(["no/such/pack.yaml"]));

        Assert.Equal("no/such/pack.yaml", Assert.Single(exception.Errors).File);
    }

    [Fact]
    public void Text_that_is_not_yaml_is_reported_with_its_place()
    {
        var error = Assert.Single(Errors("pack: { name: t\nrules: [\n"));

        Assert.True(error.Line > 0);
        Assert.Contains("not valid YAML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_come_in_file_order()
    {
        var errors = Errors(Header + Rule("r1", extra: "    colour: red\n") + Rule("r2", when: "student.Year >=") + Rule("r3", extra: "    shade: blue\n"));

        Assert.Equal(3, errors.Count);
        Assert.Equal(errors.OrderBy(e => e.Line).Select(e => e.Line), errors.Select(e => e.Line));
    }

    [Fact]
    public void A_rule_with_other_errors_still_has_its_condition_checked()
    {
        var errors = Errors(Header + Rule("r1", when: "student.Year >>= 2").Replace("category: course", "category: courses", StringComparison.Ordinal));

        Assert.Contains(errors, e => e.Field == "category");
        Assert.Contains(errors, e => e.Field == "when");
    }

    [Fact]
    public void A_reference_to_an_entry_that_has_errors_is_not_reported_as_undefined()
    {
        var yaml = (Header + Rule("r1", extra: "    supersedes: [r2]\n") + Rule("r2").Replace("category: course", "category: courses", StringComparison.Ordinal))
            .Replace("description: { en: The first skill., zh-CN: 第一项技能。 }", "description: The first skill.", StringComparison.Ordinal)
            + "positions:\n  - { id: pos1, major: m1, name: { en: P, zh-CN: 岗 }, riasec: R, skills: { s1: 2 } }\n";

        var errors = Errors(yaml);

        Assert.Equal(2, errors.Count);
        Assert.DoesNotContain(errors, e => e.Message.Contains("no file of the pack defines", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("facts.GetType() != null")]
    [InlineData("facts.GetHashCode() > 0")]
    [InlineData("facts.ToString() == \"x\"")]
    public void A_condition_may_call_only_the_documented_helpers_of_facts(string condition)
    {
        var errors = Errors(Header + Rule("r1", when: condition));

        Assert.Contains(errors, e => e.Id == "r1" && e.Message.Contains("which conditions may not use", StringComparison.Ordinal));
    }

    [Fact]
    public void A_condition_over_several_lines_is_reported_where_it_starts_with_the_character()
    {
        var yaml = Header + Rule("r1").Replace("    due: now\n", "    due: now\n    when: student.Goal == \"employment\" &&\n      student.Year >>= 2\n", StringComparison.Ordinal);

        var error = Assert.Single(Errors(yaml));

        Assert.Equal(yaml.Split('\n').ToList().FindIndex(l => l.Contains("when:", StringComparison.Ordinal)) + 1, error.Line);
        Assert.Contains("at character", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_quoted_now_is_the_same_as_now()
    {
        Assert.Equal(1, RulePackLoader.LoadText(Header + Rule("r1").Replace("due: now", "due: \"now\"", StringComparison.Ordinal)).RuleCount);
    }

    [Fact]
    public void Two_rules_that_supersede_each_other_are_reported()
    {
        var error = Assert.Single(Errors(Header + Rule("r1", extra: "    supersedes: [r2]\n") + Rule("r2", extra: "    supersedes: [r1]\n")));

        Assert.Contains("supersede each other", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deeply_nested_file_is_refused_with_its_place()
    {
        var error = Assert.Single(Errors(new string('[', 200_000)));

        Assert.Equal(1, error.Line);
        Assert.Contains("nests deeper than", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_item_placeholder_outside_a_for_each_rule_is_reported()
    {
        var error = Assert.Single(Errors(Header + Rule("r1").Replace("title: { en: T, zh-CN: 标题 }", "title: { en: \"Raise {skill}\", zh-CN: \"提升{skill}\" }", StringComparison.Ordinal)));

        Assert.Contains("only a rule with 'forEach' can fill", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Conditions_on_fit_and_gaps_check_their_ids()
    {
        var error = Assert.Single(Errors(Header + Rule("r1", when: "facts.HasSkillGap(\"s9\") && facts.TargetFit < 0.5")));

        Assert.Contains("'s9' is not a skill in this pack", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pathway_with_stages_left_empty_is_an_error_not_a_crash()
    {
        var mini = File.ReadAllText(TestFiles.Pack("mini.yaml"));
        var broken = mini.Replace("""
    stages:
      - { stage: secondary-vocational, years: 2 }
      - { stage: higher-vocational, years: 2 }
""", "    stages:\n", StringComparison.Ordinal);

        var errors = Assert.Throws<RulePackException>(() => RulePackLoader.LoadText(broken, "mini.yaml")).Errors;

        Assert.Contains(errors, e => e.Field == "stages" && e.Message.Contains("needs at least one stage", StringComparison.Ordinal));
    }

    [Fact]
    public void A_scenario_file_in_a_packs_folder_is_reported_as_one_with_the_fix()
    {
        var error = Assert.Single(Assert.Throws<RulePackException>(() => RulePackLoader.LoadFiles([TestFiles.Pack("mini.yaml"), Path.Combine(AppContext.BaseDirectory, "Scenarios", "passing.yaml")])).Errors);

        Assert.Equal((2, "scenarios"), (error.Line, error.Field));
        Assert.Contains("Keep scenarios in a folder of their own", error.Message, StringComparison.Ordinal);
    }
}
