using CareerPath.Matching;

namespace CareerPath.Tests;

/// <summary>
/// The rest of cognitive matching: what in the catalogue closes a gap, the student's goal and the
/// undergraduate positions it opens, and a graduate's job set against the major's positions.
/// </summary>
public sealed class GapsGoalsAndJobsTests
{
    private readonly CareerPlanner _planner = new(TestFiles.MiniPack);

    private static StudentProfile Student(int s1, int s2, string goal = "undecided", string[]? certificates = null) =>
        MiniStudents.At("higher-vocational", 1) with
        {
            Skills = new Dictionary<string, int> { ["s1"] = s1, ["s2"] = s2 },
            Certificates = certificates ?? [],
            Interests = "RIC",
            Goal = goal,
        };

    private static PositionFit Ranked(StudentProfile student, string positionId) =>
        PositionMatcher.Rank(student, TestFiles.MiniPack.Catalogue, "en").Single(f => f.PositionId == positionId);

    private static IEnumerable<(string Id, bool Closes, int? Level)> Closers(PositionFit fit, string item) =>
        fit.Gaps.Single(g => g.Id == item).ClosedBy.Select(c => (c.Id, c.Closes, c.Level));

    [Fact]
    public void A_skill_gap_names_the_entries_that_close_it_those_that_reach_the_needed_level_first()
    {
        var fit = Ranked(Student(1, 0), "pos1");

        // pos1 needs s1 at 3: Module one reaches 3, Base one only 2. s2 at 2: Base one reaches 2, the general module 1.
        Assert.Equal([("l-mod1", true, 3), ("l-base1", false, 2)], Closers(fit, "s1"));
        Assert.Equal([("l-base1", true, 2), ("l-general", false, 1)], Closers(fit, "s2"));
    }

    [Fact]
    public void A_certificate_gap_names_the_entries_that_prepare_for_the_certificate()
    {
        var closer = Ranked(Student(1, 0), "pos1").Gaps.Single(g => g.Id == "c1").ClosedBy.Single();

        Assert.Equal(("module", "l-mod1", "Module one", true, (int?)null), (closer.Kind, closer.Id, closer.Name, closer.Closes, closer.Level));
    }

    [Fact]
    public void An_undergraduate_position_is_closed_by_its_own_majors_entries_and_those_of_the_majors_leading_to_it()
    {
        var fit = Ranked(Student(1, 0, "further-study"), "upos1");

        Assert.Equal([("l-umod", true, 4), ("l-mod1", false, 3), ("l-base1", false, 2)], Closers(fit, "s1"));
    }

    [Fact]
    public void Closer_names_follow_the_plans_language()
    {
        var fit = PositionMatcher.Rank(Student(1, 0), TestFiles.MiniPack.Catalogue, "zh-CN").Single();

        Assert.Equal(["课程一", "基地一"], fit.Gaps.Single(g => g.Id == "s1").ClosedBy.Select(c => c.Name));
    }

    [Fact]
    public void A_student_staying_on_the_employment_route_is_matched_to_the_majors_own_positions_only()
    {
        var ranked = PositionMatcher.Rank(Student(3, 2, "employment"), TestFiles.MiniPack.Catalogue, "en");

        Assert.Equal(["pos1"], ranked.Select(f => f.PositionId));
    }

    [Fact]
    public void A_student_going_on_to_further_study_is_matched_to_the_undergraduate_majors_positions_too()
    {
        var ranked = PositionMatcher.Rank(Student(3, 2, "further-study", ["c1"]), TestFiles.MiniPack.Catalogue, "en");

        // pos1: every skill, the certificate and RIC = RIC, but off the goal's route: 0.8 * 1.0.
        // upos1: 0.6 * (3 + 2) / (4 + 3) + 0.2 * 1 + 0.2 * (2*3 + 2*2 + 3*1) / 18 (RIC against IRC).
        Assert.Equal([("pos1", 0.8, 0.8, "m1"), ("upos1", 0.773, 1.0, "u1")],
            ranked.Select(f => (f.PositionId, Math.Round(f.Score, 3), f.Goal, f.Major)));
    }

    [Fact]
    public void Choosing_an_undergraduate_position_brings_the_undergraduate_positions_in_weighed_by_the_goal()
    {
        var student = Student(3, 2, "employment", ["c1"]) with { TargetPositions = ["upos1"] };

        var plan = _planner.Plan(student);

        var target = Assert.Single(plan.TargetPositions);
        Assert.Equal(("upos1", 0.8, true), (target.PositionId, target.Goal, target.ChosenByStudent));
        Assert.Equal(Math.Round(0.8 * 0.773016, 4), target.Score, 4);
    }

    [Fact]
    public void A_target_position_of_another_major_is_refused_with_the_positions_to_choose_from()
    {
        var student = Student(1, 1) with { TargetPositions = ["pos9"] };

        var error = Assert.Single(Assert.Throws<StudentProfileException>(() => _planner.Plan(student)).Errors);

        Assert.Equal("targetPositions[0]", error.Field);
        Assert.Contains("targetPositions[0]: this is a position of another major, not of the student's; choose one of: pos1, upos1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_graduates_job_is_ranked_among_the_majors_positions()
    {
        var graduate = Graduate("pos1", skills: (1, 0));

        var job = _planner.Plan(graduate).Job!;

        Assert.Equal(("pos1", "Position one", true, 1), (job.PositionId, job.Name, job.InMajor, job.Rank));
        Assert.Equal(["c1", "s1", "s2"], job.Fit!.Gaps.Select(g => g.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_job_in_another_major_is_outside_the_major_and_still_gets_its_fit()
    {
        var job = _planner.Plan(Graduate("pos9", skills: (0, 0))).Job!;

        Assert.Equal(("pos9", false, (int?)null), (job.PositionId, job.InMajor, job.Rank));
        Assert.Equal(["s2"], job.Fit!.Gaps.Select(g => g.Id));
    }

    [Fact]
    public void Only_an_employed_graduate_has_a_job_in_the_plan()
    {
        Assert.Null(_planner.Plan(Student(1, 1)).Job);
        Assert.Null(_planner.Plan(MiniStudents.Graduated(6)).Job);
    }

    [Theory]
    [InlineData("en", "Grow into Position one: Skill one 1 to 3", "Build it through \"Module one\".")]
    [InlineData("zh-CN", "胜任岗位一：技能一1级到3级", "通过“课程一”来提升。")]
    public void Each_skill_gap_of_the_job_becomes_a_step_naming_the_levels_and_what_closes_it(string language, string title, string detail)
    {
        var plan = _planner.Plan(Graduate("pos1", skills: (1, 2)), new PlanOptions { Language = language });

        var step = Assert.Single(plan.Phases.SelectMany(p => p.Steps), s => s.RuleId == "grow-in-job");
        Assert.Equal((title, detail, "s1"), (step.Title, step.Detail, step.Item));
    }

    [Fact]
    public void Rules_see_the_jobs_rank_and_can_name_the_position_that_fits_best()
    {
        // Aiming at further study, this graduate fits the bachelor position (1.0) better than the
        // job (pos1: 1.0 off the goal's route, so 0.8).
        var graduate = Graduate("pos1", skills: (4, 3)) with { Goal = "further-study", Certificates = ["c1"], Interests = "IRC" };

        var plan = _planner.Plan(graduate);

        Assert.Equal((2, "upos1"), (plan.Job!.Rank!.Value, plan.Positions[0].PositionId));
        var step = Assert.Single(plan.Phases.SelectMany(p => p.Steps), s => s.RuleId == "better-fit");
        Assert.Equal("Look at Bachelor position", step.Title);
    }

    private static StudentProfile Graduate(string position, (int S1, int S2) skills) => MiniStudents.Graduated(3, employed: true) with
    {
        Skills = new Dictionary<string, int> { ["s1"] = skills.S1, ["s2"] = skills.S2 },
        Interests = "RIC",
        Graduation = new GraduationRecord { MonthsSince = 3, Employed = true, Position = position },
    };
}
