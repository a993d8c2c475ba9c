using System.Buffers;
using System.Text;
using System.Text.Json;
using CareerPath.Samples.Batch;
using CareerPath.Samples.Cli;

namespace CareerPath.Samples.Tests;

/// <summary>
/// The batch writes plans.jsonl with a hand-written writer that encodes shared parts once; it must write
/// exactly what System.Text.Json writes for the same plan with the documented options.
/// </summary>
public sealed class PlanLineJsonTests
{
    private static readonly CareerPlanner Planner = new(RulePackLoader.LoadDefault());

    public static TheoryData<string> Languages => ["en", "zh-CN"];

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_plan_of_the_sample_cohort_is_written_as_System_Text_Json_writes_it(string language)
    {
        var writer = new PlanLineJson();
        var planned = 0;
        using var cohort = CohortCsvReader.Open(Path.Combine(AppProcess.RepoRoot, "samples", "cohort.csv"));
        foreach (var entry in cohort.Read())
        {
            // The cohort's deliberately bad rows have no student, or one the planner refuses.
            if (entry.Student is not { } student)
            {
                continue;
            }

            CareerPlan plan;
            try
            {
                plan = Planner.Plan(student, new PlanOptions { Language = language });
            }
            catch (StudentProfileException)
            {
                continue;
            }

            AssertSameAsSerializer(writer, plan, entry.Where);
            planned++;
        }

        Assert.True(planned > 1000, $"only {planned} plans were compared");
    }

    [Fact]
    public void A_plan_written_again_from_the_encoded_parts_is_the_same()
    {
        var writer = new PlanLineJson();
        var plan = Planner.Plan(StudentProfileReader.ReadFile(Path.Combine(AppProcess.RepoRoot, "samples", "students", "cnt-232-higher-y3.yaml")));

        var first = Line(writer, plan);
        var second = Line(writer, plan);

        Assert.Equal(first, second);
        Assert.Equal(JsonSerializer.Serialize(plan, PlanJson.Lines), second);
    }

    [Fact]
    public void Nulls_a_job_diagnostics_and_texts_that_need_escaping_are_written_as_System_Text_Json_writes_them()
    {
        var due = new StepDue { Label = "after graduation", TimelineIndex = 11, AfterGraduationMonths = 6 };
        var closer = new GapCloser { Kind = "module", Id = "m", Name = "Quotes \" and \\ and <tags> & 'apostrophes'", Level = null, Closes = false };
        var gap = new PositionGap { Kind = "skill", Id = "s", Name = "控制字符\u0001 and \u2028 line separator 😀", Level = null, Needed = 2, Gain = 0.1 + 0.2, ClosedBy = [closer] };
        var fit = new PositionFit
        {
            PositionId = "p", Name = "职位", Major = "m", Score = 1.0 / 3, Skills = 0, Certificates = 1e-7, Interests = null, Goal = 0.8,
            ChosenByStudent = true, Gaps = [gap],
        };
        var step = new PlanStep
        {
            RuleId = "r", Item = "item\twith a tab", Title = "Title\n", Detail = "Détail « quoted »", Category = "follow-up", Due = due,
            Status = StepStatus.Overdue, Why = string.Empty, Evidence = [new PlanEvidence("facts.SkillLevel(\"x\")", "0")], Priority = -3,
        };
        var plan = new CareerPlan
        {
            StudentId = "id \"1\"",
            Pack = new PlanPack("pack", "1.0.0"),
            Language = "zh-CN",
            Major = "m",
            MajorName = "专业",
            Pathway = "3+2",
            PathwayName = "3+2",
            Position = new PlanPosition { Stage = "graduated", Year = 0, Term = 0, ProgrammeTerm = 11, TotalTerms = 10, MonthsSinceGraduation = 3, Label = "毕业后 3 个月" },
            CurrentPhase = CareerPhase.CareerRooting,
            Stages = [new PlanStage("higher-vocational", "高职", 2, PhaseStatus.Done)],
            Positions = [fit],
            TargetPositions = [fit],
            Job = new PlanJob { PositionId = "p", Name = "职位", InMajor = false, Fit = fit, Rank = null },
            Phases = [new PlanPhase { Phase = CareerPhase.CareerRooting, Id = "career-rooting", Title = "职业扎根", Starts = "毕业", Status = PhaseStatus.Current, Steps = [step, step] }],
            Diagnostics = [new PlanDiagnostic("condition-failed", null, "A message with \"quotes\""), new PlanDiagnostic("x", "r", "m")],
        };

        AssertSameAsSerializer(new PlanLineJson(), plan, "the made-up plan");
        AssertSameAsSerializer(new PlanLineJson(), plan with { Job = new PlanJob { InMajor = true }, ArticulatedMajor = "a", TransferRequirements = "t" }, "the made-up plan with an empty job");
    }

    [Fact]
    public void A_plan_that_cannot_be_written_leaves_nothing_behind_for_the_next_plan()
    {
        var writer = new PlanLineJson();
        var plan = Planner.Plan(StudentProfileReader.ReadFile(Path.Combine(AppProcess.RepoRoot, "samples", "students", "cnt-232-higher-y3.yaml")));
        var fit = plan.Positions[0];
        var broken = plan with
        {
            Positions = [fit with { Gaps = [fit.Gaps[0] with { Gain = double.NaN }] }],
        };

        Assert.Throws<ArgumentException>(() => JsonSerializer.Serialize(broken, PlanJson.Lines));
        Assert.Throws<ArgumentException>(() => Line(writer, broken));
        AssertSameAsSerializer(writer, plan, "the plan written after one that failed");
    }

    private static void AssertSameAsSerializer(PlanLineJson writer, CareerPlan plan, string where)
    {
        var expected = JsonSerializer.Serialize(plan, PlanJson.Lines);
        var actual = Line(writer, plan);
        if (expected != actual)
        {
            var at = expected.Zip(actual).TakeWhile(pair => pair.First == pair.Second).Count();
            Assert.Fail($"{where}: the line differs at character {at}:\nexpected …{Around(expected, at)}…\nactual   …{Around(actual, at)}…");
        }
    }

    private static string Around(string text, int at) => text[Math.Max(0, at - 80)..Math.Min(text.Length, at + 80)];

    private static string Line(PlanLineJson writer, CareerPlan plan)
    {
        var buffer = new ArrayBufferWriter<byte>();
        writer.Write(plan, buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
