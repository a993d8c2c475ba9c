namespace CareerPath.Tests;

public sealed class PlannerTests
{
    private readonly CareerPlanner _planner = new(TestFiles.MiniPack);

    private static PlanStep Step(CareerPlan plan, string ruleId) =>
        plan.Phases.SelectMany(p => p.Steps).Single(s => s.RuleId == ruleId);

    private static bool Has(CareerPlan plan, string ruleId) => plan.Phases.SelectMany(p => p.Steps).Any(s => s.RuleId == ruleId);

    [Fact]
    public void A_plan_always_has_the_five_phases_in_order()
    {
        var plan = _planner.Plan(MiniStudents.At("higher-vocational", 1));

        Assert.Equal(
            ["professional-cognition", "position-segmentation", "dedicated-study", "precise-employment", "career-rooting"],
            plan.Phases.Select(p => p.Id));
        Assert.Equal(Enum.GetValues<CareerPhase>(), plan.Phases.Select(p => p.Phase));
    }

    [Fact]
    public void A_first_term_student_is_in_professional_cognition()
    {
        var plan = _planner.Plan(MiniStudents.At("secondary-vocational", 1, 1));

        Assert.Equal(CareerPhase.ProfessionalCognition, plan.CurrentPhase);
        Assert.Equal(
            [PhaseStatus.Current, PhaseStatus.Upcoming, PhaseStatus.Upcoming, PhaseStatus.Upcoming, PhaseStatus.Upcoming],
            plan.Phases.Select(p => p.Status));
    }

    [Fact]
    public void A_graduate_is_in_career_rooting_with_every_earlier_phase_done()
    {
        var plan = _planner.Plan(MiniStudents.Graduated(6));

        Assert.Equal(CareerPhase.CareerRooting, plan.CurrentPhase);
        Assert.Equal(
            [PhaseStatus.Done, PhaseStatus.Done, PhaseStatus.Done, PhaseStatus.Done, PhaseStatus.Current],
            plan.Phases.Select(p => p.Status));
        Assert.All(plan.Stages, stage => Assert.Equal(PhaseStatus.Done, stage.Status));
    }

    [Theory]
    [InlineData("secondary-vocational", 1, 2, CareerPhase.PositionSegmentation)]
    [InlineData("secondary-vocational", 2, 1, CareerPhase.DedicatedStudy)]
    [InlineData("higher-vocational", 1, 2, CareerPhase.DedicatedStudy)]
    [InlineData("higher-vocational", 2, 1, CareerPhase.PreciseEmployment)]
    [InlineData("higher-vocational", 2, 2, CareerPhase.PreciseEmployment)]
    public void The_current_phase_follows_the_pathway_phase_starts(string stage, int year, int term, CareerPhase expected)
    {
        Assert.Equal(expected, _planner.Plan(MiniStudents.At(stage, year, term)).CurrentPhase);
    }

    [Fact]
    public void A_step_due_this_term_is_now()
    {
        var plan = _planner.Plan(MiniStudents.At("secondary-vocational", 1, 1));

        Assert.Equal(StepStatus.Now, Step(plan, "orient").Status);
    }

    [Fact]
    public void A_step_due_later_is_upcoming()
    {
        var plan = _planner.Plan(MiniStudents.At("secondary-vocational", 1, 1));

        Assert.Equal(StepStatus.Upcoming, Step(plan, "job-fair").Status);
    }

    [Fact]
    public void A_past_step_without_done_when_is_done()
    {
        var plan = _planner.Plan(MiniStudents.At("higher-vocational", 1));

        Assert.Equal(StepStatus.Done, Step(plan, "orient").Status);
    }

    [Fact]
    public void A_past_step_whose_done_when_is_false_is_overdue()
    {
        var plan = _planner.Plan(MiniStudents.At("higher-vocational", 1));

        Assert.Equal(StepStatus.Overdue, Step(plan, "cert-c1").Status);
    }

    [Fact]
    public void A_step_whose_done_when_holds_is_done_even_before_it_is_due()
    {
        var student = MiniStudents.At("secondary-vocational", 1, 1) with { Certificates = ["c1"] };

        Assert.Equal(StepStatus.Done, Step(_planner.Plan(student), "cert-c1").Status);
    }

    [Fact]
    public void A_rule_due_now_is_placed_at_the_current_term()
    {
        var plan = _planner.Plan(MiniStudents.At("higher-vocational", 1, 2));

        var step = Step(plan, "gap-s1");
        Assert.Equal(StepStatus.Now, step.Status);
        Assert.Equal("higher-vocational", step.Due.Stage);
        Assert.Equal(1, step.Due.Year);
        Assert.Equal(2, step.Due.Term);
    }

    [Fact]
    public void A_rule_whose_condition_is_false_makes_no_step()
    {
        var student = MiniStudents.At("higher-vocational", 1) with { Skills = new Dictionary<string, int> { ["s1"] = 4 } };

        Assert.False(Has(_planner.Plan(student), "gap-s1"));
    }

    [Fact]
    public void A_condition_on_a_gpa_the_record_does_not_give_is_false()
    {
        Assert.False(Has(_planner.Plan(MiniStudents.At("higher-vocational", 1) with { Gpa = null }), "strong-student"));
        Assert.True(Has(_planner.Plan(MiniStudents.At("higher-vocational", 1) with { Gpa = 3.6 }), "strong-student"));
    }

    [Fact]
    public void A_rule_for_another_goal_makes_no_step()
    {
        Assert.False(Has(_planner.Plan(MiniStudents.At("higher-vocational", 1) with { Goal = "employment" }), "transfer-exam"));
        Assert.True(Has(_planner.Plan(MiniStudents.At("higher-vocational", 1) with { Goal = "further-study" }), "transfer-exam"));
    }

    [Fact]
    public void Steps_due_together_are_ordered_by_priority_then_pack_order()
    {
        var plan = _planner.Plan(MiniStudents.At("secondary-vocational", 2, 1));

        var dedicated = plan.Phases[(int)CareerPhase.DedicatedStudy].Steps.Where(s => s.Due.TimelineIndex == 2).Select(s => s.RuleId);
        Assert.Equal(["gap-s1", "weekly-practice", "cert-c1"], dedicated);
    }

    [Fact]
    public void Steps_in_a_phase_follow_the_timeline()
    {
        var plan = _planner.Plan(MiniStudents.At("secondary-vocational", 1, 1) with { Goal = "employment" });

        foreach (var phase in plan.Phases)
        {
            var indexes = phase.Steps.Select(s => s.Due.TimelineIndex).ToList();
            Assert.Equal(indexes.Order(), indexes);
        }
    }

    [Fact]
    public void A_rule_that_supersedes_another_leaves_it_out_when_both_fire()
    {
        var employment = _planner.Plan(MiniStudents.At("higher-vocational", 1) with { Goal = "employment" });
        var undecided = _planner.Plan(MiniStudents.At("higher-vocational", 1) with { Goal = "undecided" });

        Assert.True(Has(employment, "specific-advice"));
        Assert.False(Has(employment, "generic-advice"));
        Assert.True(Has(undecided, "generic-advice"));
    }

    [Fact]
    public void A_graduate_sees_follow_ups_by_months_since_graduation()
    {
        var plan = _planner.Plan(MiniStudents.Graduated(6, employed: true));

        Assert.Equal(StepStatus.Done, Step(plan, "follow-1").Status);
        Assert.Equal(StepStatus.Now, Step(plan, "follow-6").Status);
        Assert.Equal(6, Step(plan, "follow-6").Due.AfterGraduationMonths);
    }

    [Fact]
    public void A_follow_up_for_the_employed_is_left_out_for_a_graduate_without_a_job()
    {
        Assert.False(Has(_planner.Plan(MiniStudents.Graduated(1, employed: false)), "follow-1"));
        Assert.True(Has(_planner.Plan(MiniStudents.Graduated(1, employed: true)), "follow-1"));
    }

    [Fact]
    public void Texts_are_filled_in_for_the_student_in_the_plan_language()
    {
        var student = MiniStudents.At("secondary-vocational", 1) with { Goal = "further-study" };

        var english = _planner.Plan(student);
        var chinese = _planner.Plan(student, new PlanOptions { Language = "zh-CN" });

        Assert.Equal("Meet Major one", Step(english, "orient").Title);
        Assert.Equal("Tour the labs of Major one on Pathway four.", Step(english, "orient").Detail);
        Assert.Equal("认识专业一", Step(chinese, "orient").Title);
        Assert.Equal("参观四年路径的专业一实训室。", Step(chinese, "orient").Detail);
        Assert.Equal("备考本科一", Step(chinese, "transfer-exam").Title);
        Assert.Equal("专业认知", chinese.Phases[0].Title);
        Assert.Equal("中职第1学年第1学期", Step(chinese, "orient").Due.Label);
        Assert.Equal("Secondary vocational, year 1, term 1", Step(english, "orient").Due.Label);
    }

    [Fact]
    public void The_why_of_a_step_is_its_because_text_or_its_condition()
    {
        var plan = _planner.Plan(MiniStudents.At("secondary-vocational", 1));

        Assert.Equal("Every new student starts here.", Step(plan, "orient").Why);
        var gap = Step(plan, "gap-s1");
        Assert.Contains("facts.SkillLevel(\"s1\") < 3", gap.Why, StringComparison.Ordinal);
        Assert.Contains(new PlanEvidence("facts.SkillLevel(\"s1\")", "0"), gap.Evidence);
        Assert.Contains(new PlanEvidence("facts.IsGraduated", "false"), gap.Evidence);
    }

    [Fact]
    public void A_rule_that_fails_becomes_a_diagnostic_and_the_plan_is_still_made()
    {
        var plan = _planner.Plan(MiniStudents.At("secondary-vocational", 1) with { Gpa = null });

        var diagnostic = Assert.Single(plan.Diagnostics);
        Assert.Equal("gpa-fault", diagnostic.RuleId);
        Assert.Equal("rule-fault", diagnostic.Code);
        Assert.Contains("InvalidOperationException", diagnostic.Message, StringComparison.Ordinal);
        Assert.True(Has(plan, "orient"));
        Assert.False(Has(plan, "gpa-fault"));
    }

    [Fact]
    public void A_rule_fault_message_carries_no_student_data()
    {
        var student = MiniStudents.At("secondary-vocational", 1) with { Name = "王小明", Id = "s-777" };

        var diagnostic = Assert.Single(_planner.Plan(student).Diagnostics);

        Assert.DoesNotContain("王小明", diagnostic.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s-777", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_plan_names_the_pack_and_where_the_student_stands()
    {
        var plan = _planner.Plan(MiniStudents.At("higher-vocational", 2, 2));

        Assert.Equal(new PlanPack("mini", "2.0.0"), plan.Pack);
        Assert.Equal("higher-vocational", plan.Position.Stage);
        Assert.Equal(8, plan.Position.ProgrammeTerm);
        Assert.Equal(8, plan.Position.TotalTerms);
        Assert.Equal("u1", plan.ArticulatedMajor);
        Assert.Equal([PhaseStatus.Done, PhaseStatus.Current], plan.Stages.Select(s => s.Status));
    }

    [Theory]
    [InlineData("2+3+2", "secondary-vocational", 1, "computer-network-technology-secondary")]
    [InlineData("2+3+2", "higher-vocational", 3, "computer-network-technology")]
    [InlineData("3+2", "higher-vocational", 2, "computer-network-technology")]
    [InlineData("3+4", "secondary-vocational", 3, "pathway:3+4")]
    [InlineData("open-education", "higher-vocational", 1, "pathway:open-education")]
    [InlineData("2+3+2", "undergraduate", 1, null)]
    public void The_plan_says_what_the_students_next_transfer_needs(string pathway, string stage, int year, string? source)
    {
        var pack = RulePackLoader.LoadDefault();
        var plan = new CareerPlanner(pack).Plan(new StudentProfile
        {
            Id = "t-1", Major = "computer-network-technology", Pathway = pathway, Stage = stage, Year = year,
        });

        var expected = source switch
        {
            null => null,
            _ when source.StartsWith("pathway:", StringComparison.Ordinal) => pack.Catalogue.Pathways[source["pathway:".Length..]].Transfer?["en"],
            _ => pack.Catalogue.Majors[source].Transfer?["en"],
        };
        Assert.Equal(expected, plan.TransferRequirements);
        Assert.True(source is null || !string.IsNullOrWhiteSpace(plan.TransferRequirements));
    }

    [Fact]
    public void A_language_the_pack_lacks_is_refused()
    {
        var exception = Assert.Throws<ArgumentException>(() => _planner.Plan(MiniStudents.At("higher-vocational", 1), new PlanOptions { Language = "fr" }));

        Assert.Contains("en, zh-CN", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_student_that_does_not_fit_the_pack_is_refused_with_every_problem()
    {
        var student = MiniStudents.At("undergraduate", 9) with { Major = "m2" };

        var exception = Assert.Throws<StudentProfileException>(() => _planner.Plan(student));

        Assert.Contains(exception.Errors, e => e.Field == "major");
        Assert.Contains(exception.Errors, e => e.Field == "stage");
    }

    [Fact]
    public void A_student_built_in_code_with_nulls_is_refused_not_crashed()
    {
        var student = MiniStudents.At("higher-vocational", 1) with { Skills = null!, Goal = null!, Certificates = null! };

        var exception = Assert.Throws<StudentProfileException>(() => _planner.Plan(student));

        Assert.Equal(["certificates", "goal", "skills"], exception.Errors.Select(e => e.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Lower_case_interest_letters_are_accepted_in_code()
    {
        var plan = _planner.Plan(MiniStudents.At("higher-vocational", 1) with { Interests = "ric" });

        Assert.Equal(5, plan.Phases.Count);
    }

    [Fact]
    public void The_plan_is_the_same_whichever_thread_asks()
    {
        var students = Enumerable.Range(0, 40).Select(i => MiniStudents.At(i % 2 == 0 ? "secondary-vocational" : "higher-vocational", (i % 4 / 2) + 1, (i % 2) + 1)
            with { Id = $"t-{i}", Certificates = i % 3 == 0 ? ["c1"] : [], Goal = i % 5 == 0 ? "further-study" : "employment" }).ToList();
        var expected = students.Select(s => Describe(_planner.Plan(s))).ToList();

        var actual = new string[students.Count * 50];
        Parallel.For(0, actual.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => actual[i] = Describe(_planner.Plan(students[i % students.Count])));

        for (var i = 0; i < actual.Length; i++)
        {
            Assert.Equal(expected[i % students.Count], actual[i]);
        }
    }

    private static string Describe(CareerPlan plan) => System.Text.Json.JsonSerializer.Serialize(plan);
}
