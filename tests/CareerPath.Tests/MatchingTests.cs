using CareerPath.Matching;

namespace CareerPath.Tests;

/// <summary>Person-position fit: the documented formula, by hand, and its promises.</summary>
public sealed class MatchingTests
{
    private static PositionFit FitOnPos1(StudentProfile student) =>
        PositionMatcher.Fit(student, TestFiles.MiniPack.Catalogue.Positions["pos1"], TestFiles.MiniPack.Catalogue, "en", 1);

    private static StudentProfile Student(int s1, int s2, string[] certificates, string interests) =>
        MiniStudents.At("higher-vocational", 1) with
        {
            Skills = new Dictionary<string, int> { ["s1"] = s1, ["s2"] = s2 },
            Certificates = certificates,
            Interests = interests,
        };

    // pos1 needs s1 at 3 and s2 at 2, recommends c1, and has the Holland code RIC.
    [Theory]
    [InlineData(2, 2, false, "RIA", 0.6467)] // 0.6 * 4/5 + 0.2 * 0 + 0.2 * (3*3 + 2*3 + 1*0) / 18
    [InlineData(3, 2, true, "RIC", 1.0)]     // everything the position asks for
    [InlineData(0, 0, false, "", 0.0)]       // nothing, interests unknown
    [InlineData(1, 0, true, "S", 0.32)]      // 0.6 * 1/5 + 0.2 * 1 + 0.2 * (3 * 0) / 9  (S is opposite R)
    [InlineData(5, 1, false, "", 0.6)]       // 0.75 * 4/5 + 0.25 * 0: levels above the need count as the need
    public void The_fit_score_follows_the_documented_formula(int s1, int s2, bool holdsC1, string interests, double expected)
    {
        var fit = FitOnPos1(Student(s1, s2, holdsC1 ? ["c1"] : [], interests));

        Assert.Equal(expected, fit.Score, 4);
    }

    [Fact]
    public void The_breakdown_shows_each_part_of_the_score()
    {
        var fit = FitOnPos1(Student(2, 2, [], "RIA"));

        Assert.Equal(0.8, fit.Skills, 4);
        Assert.Equal(0.0, fit.Certificates, 4);
        Assert.Equal(15.0 / 18, fit.Interests!.Value, 4);
    }

    [Fact]
    public void Gaps_name_the_levels_and_come_in_order_of_what_closing_them_gains()
    {
        var fit = FitOnPos1(Student(5, 1, [], ""));

        Assert.Equal(["c1", "s2"], fit.Gaps.Select(g => g.Id));
        var skill = fit.Gaps[1];
        Assert.Equal(("skill", "Skill two", 1, 2), (skill.Kind, skill.Name, skill.Level!.Value, skill.Needed!.Value));
        Assert.Equal(0.15, skill.Gain, 4);
        Assert.Equal(0.25, fit.Gaps[0].Gain, 4);
    }

    [Theory]
    [InlineData("RIC", "RIC", 1.0)]
    [InlineData("R", "C", 6.0 / 9)]     // R and C are neighbours on the hexagon
    [InlineData("RI", "SE", 0.0)]      // R-S and I-E are opposite
    [InlineData("ria", "RIA", 1.0)]
    public void Interest_congruence_is_the_Brown_Gore_C_index(string student, string position, double expected)
    {
        Assert.Equal(expected, PositionMatcher.Congruence(student, position)!.Value, 4);
    }

    [Fact]
    public void A_student_with_everything_a_position_asks_for_scores_one_on_every_default_position()
    {
        var pack = RulePackLoader.LoadDefault();
        foreach (var position in pack.Catalogue.Positions.Values)
        {
            var student = new StudentProfile
            {
                Id = "perfect", Major = position.Major, Pathway = "3+2", Stage = "higher-vocational", Year = 1,
                Skills = position.Skills.ToDictionary(), Certificates = [.. position.Certificates], Interests = position.Riasec,
            };

            Assert.Equal(1.0, PositionMatcher.Fit(student, position, pack.Catalogue, "en", 1).Score, 6);
        }
    }

    [Fact]
    public void Raising_one_skill_to_the_needed_level_never_lowers_any_score()
    {
        var pack = RulePackLoader.LoadDefault();
        var random = new Random(4);
        var skills = pack.Catalogue.Skills.Keys.Order(StringComparer.Ordinal).ToList();
        for (var i = 0; i < 200; i++)
        {
            var position = pack.Catalogue.Positions.Values.OrderBy(p => p.Id, StringComparer.Ordinal).ElementAt(random.Next(pack.Catalogue.Positions.Count));
            var student = new StudentProfile
            {
                Id = $"m-{i}", Major = position.Major, Pathway = "3+2", Stage = "higher-vocational", Year = 1,
                Skills = skills.Where(_ => random.Next(3) == 0).ToDictionary(s => s, _ => random.Next(0, 6)),
                Interests = new string([.. "RIASEC".Where(_ => random.Next(3) == 0)]),
            };
            var before = PositionMatcher.Rank(student, pack.Catalogue, "en").ToDictionary(f => f.PositionId, f => f.Score);
            foreach (var (skill, needed) in position.Skills)
            {
                var raised = student with { Skills = new Dictionary<string, int>(student.Skills) { [skill] = Math.Max(needed, student.Skills.GetValueOrDefault(skill)) } };
                foreach (var fit in PositionMatcher.Rank(raised, pack.Catalogue, "en"))
                {
                    Assert.True(fit.Score >= before[fit.PositionId], $"raising {skill} lowered {fit.PositionId}");
                }
            }
        }
    }

    [Fact]
    public void The_targets_are_the_students_own_choices_else_the_three_best()
    {
        var planner = CareerPlanner.CreateDefault();
        var student = new StudentProfile { Id = "t", Major = "computer-network-technology", Pathway = "3+2", Stage = "higher-vocational", Year = 1, Interests = "RIC" };

        var open = planner.Plan(student);
        var chosen = planner.Plan(student with { TargetPositions = ["it-support-engineer"] });

        Assert.Equal(open.Positions.Take(3).Select(p => p.PositionId), open.TargetPositions.Select(p => p.PositionId));
        Assert.Equal(open.Positions.Select(p => p.Score).OrderDescending(), open.Positions.Select(p => p.Score));
        var target = Assert.Single(chosen.TargetPositions);
        Assert.Equal("it-support-engineer", target.PositionId);
        Assert.True(target.ChosenByStudent);
    }

    [Fact]
    public void A_for_each_rule_makes_one_step_per_gap_naming_the_skill_and_levels_in_both_languages()
    {
        var planner = new CareerPlanner(TestFiles.MiniPack);
        var student = Student(1, 0, [], "RIC") with { TargetPositions = ["pos1"] };

        var english = planner.Plan(student).Phases[1].Steps.Where(s => s.RuleId == "close-skill-gaps").ToList();
        var chinese = planner.Plan(student, new PlanOptions { Language = "zh-CN" }).Phases[1].Steps.Where(s => s.RuleId == "close-skill-gaps").ToList();

        Assert.Equal(["s1", "s2"], english.Select(s => s.Item)); // s1 1->3 and s2 0->2 gain the same 0.24; ties go by id
        Assert.Equal("Raise Skill one from level 1 to 3", english[0].Title);
        Assert.Equal("Position one needs Skill two at level 2.", english[1].Detail);
        Assert.Equal("把技能二从0级提升到2级", chinese[1].Title);
    }

    [Fact]
    public void A_for_each_rule_makes_no_step_when_nothing_is_missing()
    {
        var plan = new CareerPlanner(TestFiles.MiniPack).Plan(Student(3, 2, [], "RIA") with { TargetPositions = ["pos1"] });

        Assert.DoesNotContain(plan.Phases.SelectMany(p => p.Steps), s => s.RuleId == "close-skill-gaps");
    }

    [Fact]
    public void Conditions_can_read_fit_and_gaps()
    {
        var student = Student(1, 2, ["c1"], "RIC") with { TargetPositions = ["pos1"] };
        var positions = PositionMatcher.Rank(student, TestFiles.MiniPack.Catalogue, "en");
        var facts = Facts.FactsBuilder.Build(student, TestFiles.MiniPack.Catalogue.Pathways["p4"], TestFiles.MiniPack.Catalogue, positions, PositionMatcher.Targets(positions), job: null, out _);

        Assert.Equal(positions[0].Score, facts.Fit("pos1"));
        Assert.Equal(positions[0].Score, facts.TargetFit);
        Assert.True(facts.HasSkillGap("s1"));
        Assert.False(facts.HasSkillGap("s2"));
        Assert.Equal((1, 0), (facts.SkillGapCount, facts.CertificateGapCount));
    }
}
