using System.Globalization;
using System.Text;

namespace CareerPath.Samples.Batch;

/// <summary>
/// The cohort summary as a counselor reads it: <c>summary.md</c> in full, and a few lines for the terminal.
/// Students are named by id only.
/// </summary>
internal sealed class CohortReport(CohortSummary summary, BatchRun run)
{
    private readonly bool zh = run.Language.StartsWith("zh", StringComparison.Ordinal);

    public const string FileName = "summary.md";

    /// <summary>Writes summary.md; <paramref name="chart"/> is the PNG beside it, or null for a chart in text.</summary>
    public void WriteMarkdown(TextWriter output, string? chart)
    {
        output.WriteLine(T("# Cohort summary", "# 学生群体汇总"));
        output.WriteLine();
        output.WriteLine(T(
            $"Input: `{run.Input}` · rule pack: {run.Pack} · language: {run.Language} · plans: {run.Output}",
            $"输入：`{run.Input}` · 规则包：{run.Pack} · 语言：{run.Language} · 规划输出：{run.Output}"));
        output.WriteLine();
        output.WriteLine(T("| students | count |", "| 学生 | 人数 |"));
        output.WriteLine("|---|---:|");
        output.WriteLine(T($"| planned | {summary.Planned} |", $"| 已生成规划 | {summary.Planned} |"));
        output.WriteLine(T($"| skipped (bad rows or files, listed on stderr) | {summary.Skipped} |", $"| 跳过（有误的行或文件，见标准错误输出） | {summary.Skipped} |"));
        output.WriteLine(T($"| need a counselor now | {summary.NeedCounselor} |", $"| 需要辅导员立即关注 | {summary.NeedCounselor} |"));

        WritePhases(output, chart);
        WriteSteps(output);
        WriteTop(output, summary.TopSkillGaps,
            T($"## The {CohortSummary.TopCount} most common skill gaps", $"## 最常见的 {CohortSummary.TopCount} 项技能差距"),
            T("Gaps between a student's skills and their target positions; a student counts once per skill.", "学生技能与其目标岗位要求之间的差距；每名学生每项技能只计一次。"),
            T("skill", "技能"));
        WriteTop(output, summary.TopMissingCertificates,
            T($"## The {CohortSummary.TopCount} most missing certificates", $"## 最常缺少的 {CohortSummary.TopCount} 项证书"),
            T("Certificates a student's target positions ask for and the student does not hold.", "目标岗位要求而学生尚未取得的证书。"),
            T("certificate", "证书"));
        WriteCounselorCases(output);
        WriteDiagnostics(output);
    }

    /// <summary>A few lines for the terminal: the counts, and where the rest is.</summary>
    public void WriteShort(TextWriter output, string summaryPath)
    {
        output.WriteLine(T(
            $"Planned {summary.Planned} student{Plural(summary.Planned)}, skipped {summary.Skipped} in {run.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s.",
            $"已为 {summary.Planned} 名学生生成规划，跳过 {summary.Skipped} 名，用时 {run.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} 秒。"));
        output.WriteLine(T("By phase: ", "各阶段人数：") + string.Join(zh ? "，" : ", ", summary.Phases.Select(p => $"{p.Title} {p.Students}")));
        var overdue = summary.Steps.First(s => s.Status == StepStatus.Overdue);
        output.WriteLine(T(
            $"Overdue: {overdue.Steps} step{Plural(overdue.Steps)} in {overdue.Students} plan{Plural(overdue.Students)}. Need a counselor now: {summary.NeedCounselor}.",
            $"逾期步骤：{overdue.Steps} 项，涉及 {overdue.Students} 名学生。需要辅导员立即关注：{summary.NeedCounselor} 名。"));
        output.WriteLine(T($"Plans: {run.Output}", $"规划：{run.Output}"));
        output.WriteLine(T($"Summary: {summaryPath}", $"汇总：{summaryPath}"));
    }

    /// <summary>The title of a reason, as the summary and the chart give it.</summary>
    public string Describe(CounselorReasons reason) => reason switch
    {
        CounselorReasons.GraduatedNotEmployed => T("graduated, not employed", "已毕业，未就业"),
        CounselorReasons.FinalYearWithoutTarget => T("final year, no target position chosen", "毕业学年，未选定目标岗位"),
        _ => T("steps of the current phase overdue", "当前阶段有逾期步骤"),
    };

    private void WritePhases(TextWriter output, string? chart)
    {
        output.WriteLine();
        output.WriteLine(T("## Students per phase", "## 各阶段学生人数"));
        output.WriteLine();
        output.WriteLine(T("The phase each student is in now.", "每名学生当前所处的阶段。"));
        output.WriteLine();
        if (chart is not null)
        {
            output.WriteLine($"![{T("Students per phase", "各阶段学生人数")}]({chart})");
            output.WriteLine();
        }

        output.WriteLine(T("| phase | students | share |", "| 阶段 | 人数 | 占比 |"));
        output.WriteLine("|---|---:|---:|");
        var number = 0;
        foreach (var (_, title, students) in summary.Phases)
        {
            output.WriteLine($"| {++number}. {Cell(title)} | {students} | {Percent(students, summary.Planned)} |");
        }

        if (chart is null)
        {
            // Without a picture, bars of text still show the shape of the cohort.
            output.WriteLine();
            output.WriteLine("```");
            var widest = summary.Phases.Max(p => p.Students);
            foreach (var (phase, _, students) in summary.Phases)
            {
                var bar = widest == 0 ? 0 : (int)Math.Round(40.0 * students / widest);
                output.WriteLine($"{(int)phase + 1}. {CohortSummary.EnglishTitle(phase),-24} {new string('#', bar)} {students}");
            }

            output.WriteLine("```");
        }
    }

    private void WriteSteps(TextWriter output)
    {
        output.WriteLine();
        output.WriteLine(T("## Steps by status", "## 各状态的步骤数"));
        output.WriteLine();
        output.WriteLine(T("| status | steps | students with one or more |", "| 状态 | 步骤数 | 涉及学生 |"));
        output.WriteLine("|---|---:|---:|");
        foreach (var (status, steps, students) in summary.Steps)
        {
            output.WriteLine($"| {StatusName(status)} | {steps} | {students} |");
        }
    }

    private void WriteTop(TextWriter output, IReadOnlyList<CohortCount> counts, string heading, string note, string what)
    {
        output.WriteLine();
        output.WriteLine(heading);
        output.WriteLine();
        output.WriteLine(note);
        output.WriteLine();
        if (counts.Count == 0)
        {
            output.WriteLine(T("None.", "无。"));
            return;
        }

        output.WriteLine(T($"| {what} | id | students |", $"| {what} | id | 人数 |"));
        output.WriteLine("|---|---|---:|");
        foreach (var count in counts)
        {
            output.WriteLine($"| {Cell(count.Name)} | `{Cell(count.Id)}` | {count.Students} |");
        }
    }

    private void WriteCounselorCases(TextWriter output)
    {
        output.WriteLine();
        output.WriteLine(T($"## Need a counselor now: {summary.NeedCounselor}", $"## 需要辅导员立即关注：{summary.NeedCounselor} 名"));
        output.WriteLine();
        output.WriteLine(T("| reason | students |", "| 原因 | 人数 |"));
        output.WriteLine("|---|---:|");
        foreach (var (reason, students) in summary.CounselorReasonCounts)
        {
            output.WriteLine($"| {Describe(reason)} | {students} |");
        }

        var cases = summary.CounselorCases;
        if (cases.Count == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine(cases.Count < summary.NeedCounselor
            ? T($"The first {cases.Count} of {summary.NeedCounselor}, the most urgent first (by id only):", $"前 {cases.Count} 名（共 {summary.NeedCounselor} 名），最紧急的在前（仅列学号）：")
            : T("Most urgent first (by id only):", "最紧急的在前（仅列学号）："));
        output.WriteLine();
        output.WriteLine(T("| student | why |", "| 学号 | 原因 |"));
        output.WriteLine("|---|---|");
        foreach (var item in cases)
        {
            output.WriteLine($"| `{Cell(item.StudentId)}` | {Why(item)} |");
        }
    }

    private void WriteDiagnostics(TextWriter output)
    {
        if (summary.PlansWithDiagnostics == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine(T($"## Plan diagnostics: {summary.PlansWithDiagnostics} plans", $"## 规划诊断：{summary.PlansWithDiagnostics} 份规划"));
        output.WriteLine();
        output.WriteLine(T("Problems met while planning, usually in the rule pack. The plans were made.", "生成规划时遇到的问题，通常出在规则包中；规划仍已生成。"));
        output.WriteLine();
        output.WriteLine(T("| message | plans |", "| 信息 | 份数 |"));
        output.WriteLine("|---|---:|");
        foreach (var (message, plans) in summary.Diagnostics)
        {
            output.WriteLine($"| {Cell(message)} | {plans} |");
        }
    }

    private string Why(CounselorCase item)
    {
        var parts = new List<string>();
        if (item.Reasons.HasFlag(CounselorReasons.GraduatedNotEmployed))
        {
            parts.Add(item.MonthsSinceGraduation is { } months
                ? T($"graduated {months} month{Plural(months)} ago, not employed", $"毕业 {months} 个月，未就业")
                : Describe(CounselorReasons.GraduatedNotEmployed));
        }

        if (item.Reasons.HasFlag(CounselorReasons.FinalYearWithoutTarget))
        {
            parts.Add(Describe(CounselorReasons.FinalYearWithoutTarget));
        }

        if (item.Reasons.HasFlag(CounselorReasons.StepsOverdue))
        {
            parts.Add(T($"{item.OverdueSteps} step{Plural(item.OverdueSteps)} overdue", $"{item.OverdueSteps} 项步骤逾期"));
        }

        return string.Join(zh ? "；" : "; ", parts);
    }

    private string StatusName(StepStatus status) => status switch
    {
        StepStatus.Done => T("done", "已完成"),
        StepStatus.Now => T("now", "本学期"),
        StepStatus.Upcoming => T("upcoming", "待进行"),
        _ => T("overdue", "已逾期"),
    };

    private string T(string english, string chinese) => zh ? chinese : english;

    private static string Plural(long count) => count == 1 ? string.Empty : "s";

    private static string Percent(int part, int whole) =>
        whole == 0 ? "–" : (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>Text made safe for a Markdown table cell.</summary>
    private static string Cell(string text)
    {
        var cell = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            cell.Append(c switch { '|' => "\\|", '\r' or '\n' => " ", '`' => "'", _ => c.ToString() });
        }

        return cell.ToString();
    }
}
