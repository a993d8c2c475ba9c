using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CareerPath.Tests;

/// <summary>
/// Issue 8, personal data: in a whole run through <c>AddCareerPath</c> with every log line captured (a pack
/// with a faulting rule, students valid and not, records read from text, a broken hot reload), no log
/// line and no exception message carries a student's name or any field of the record but the id.
/// </summary>
public sealed class PersonalDataTests
{
    private static readonly string Mini = File.ReadAllText(TestFiles.Pack("mini.yaml"));

    /// <summary>Distinctive values put in every field but the id; none may come out.</summary>
    private static readonly string[] Markers =
        ["NAME-MARKER", "王秘密", "MAJOR-MARKER", "PATHWAY-MARKER", "STAGE-MARKER", "SKILL-MARKER", "CERT-MARKER", "TARGET-MARKER", "GOAL-MARKER", "JOB-MARKER", "QXZ", "3.14159"];

    [Fact]
    public async Task No_log_line_or_exception_message_of_a_whole_run_carries_any_field_of_a_student_but_the_id()
    {
        var file = TestFiles.Write("mini.yaml", Mini);
        var logs = new LogRecords();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs))
            .AddCareerPath(options =>
            {
                options.UseDefaultPack = false;
                options.WatchForChanges = true;
                options.AddRulePackFile(file);
            });
        await using var provider = services.BuildServiceProvider();
        var planner = provider.GetRequiredService<ICareerPlanner>();
        var messages = new List<string>();

        foreach (var student in Students())
        {
            try
            {
                planner.Plan(student);
                planner.Plan(student, new PlanOptions { Strict = true });
            }
            catch (Exception exception) when (exception is StudentProfileException or RuleFaultException)
            {
                messages.Add(exception.Message);
            }
        }

        foreach (var record in Records())
        {
            try
            {
                planner.Plan(StudentProfileReader.Read(record, "record.yaml", planner.RuleSet));
            }
            catch (StudentProfileException exception)
            {
                messages.Add(exception.Message);
            }
        }

        var reloads = provider.GetRequiredService<ReloadingCareerPlanner>();
        await File.WriteAllTextAsync(file, Mini.Replace("phase: dedicated-study", "phase: nope", StringComparison.Ordinal), TestContext.Current.CancellationToken);
        Assert.False(reloads.Reload());

        Assert.Contains(logs.All, r => r.Level == LogLevel.Warning && Equals(r["StudentId"], "pd-faulting"));
        Assert.Contains(logs.All, r => r.Level == LogLevel.Error);
        Assert.True(messages.Count >= 12, $"{messages.Count} refusals");
        var everything = new StringBuilder();
        foreach (var record in logs.All)
        {
            everything.AppendLine(record.Message).AppendJoin('\n', record.Values.Select(v => $"{v.Key}={v.Value}")).AppendLine().AppendLine(record.Exception?.ToString());
        }

        messages.ForEach(m => everything.AppendLine(m));
        var text = everything.ToString();
        Assert.All(Markers, marker => Assert.DoesNotContain(marker, text, StringComparison.Ordinal));
        Assert.Contains("pd-faulting", text, StringComparison.Ordinal);
    }

    private static IEnumerable<StudentProfile> Students()
    {
        var valid = MiniStudents.At("secondary-vocational", 1) with { Name = "NAME-MARKER 王秘密", Gpa = 3.14159, Interests = "RIC" };
        yield return valid with { Id = "pd-valid" };
        yield return valid with { Id = "pd-faulting", Gpa = null };
        yield return valid with { Id = "pd-major", Major = "MAJOR-MARKER" };
        yield return valid with { Id = "pd-pathway", Pathway = "PATHWAY-MARKER" };
        yield return valid with { Id = "pd-stage", Stage = "STAGE-MARKER" };
        yield return valid with { Id = "pd-skill", Skills = new Dictionary<string, int> { ["SKILL-MARKER"] = 9 } };
        yield return valid with { Id = "pd-cert", Certificates = ["CERT-MARKER"] };
        yield return valid with { Id = "pd-target", TargetPositions = ["TARGET-MARKER", "pos9"] };
        yield return valid with { Id = "pd-goal", Goal = "GOAL-MARKER" };
        yield return valid with { Id = "pd-interests", Interests = "QXZ" };
        yield return valid with { Id = "pd-gpa", Gpa = 314159 };
        yield return valid with { Id = "pd-job", Stage = "graduated", Year = 0, Graduation = new GraduationRecord { MonthsSince = 3, Employed = true, Position = "JOB-MARKER" } };
        yield return valid with { Id = "pd-many", Certificates = [.. Enumerable.Repeat("CERT-MARKER", 600)] };
    }

    private static IEnumerable<string> Records()
    {
        const string Valid = "id: pd-record\nname: NAME-MARKER 王秘密\nmajor: m1\npathway: p4\nstage: secondary-vocational\nyear: 1\n";
        yield return Valid + "gpa: 3.14159\n";
        yield return Valid.Replace("major: m1", "major: MAJOR-MARKER", StringComparison.Ordinal);
        yield return Valid + "skills: { SKILL-MARKER: 2 }\n";
        yield return Valid + "skills: { s1: 2, s1: 3 }\ncertificates: [CERT-MARKER]\n";
        yield return Valid + "NAME-MARKER: oops\n";
        yield return Valid + "interests: QXZ\ngoal: GOAL-MARKER\n";
        yield return Valid + "targetPositions: TARGET-MARKER\n";
        yield return Valid.Replace("year: 1", "year: 3.14159", StringComparison.Ordinal);
        yield return Valid + "name: 王秘密\n";
    }
}
