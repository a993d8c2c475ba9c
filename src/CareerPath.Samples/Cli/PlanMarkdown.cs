using System.Globalization;
using System.Text;

namespace CareerPath.Samples.Cli;

/// <summary>
/// The plan as Markdown a counselor can paste into a report or a chat: the student's place, the
/// targets with their gaps, then the five phases with the current one and the steps due now marked.
/// </summary>
internal static class PlanMarkdown
{
    public static string Render(CareerPlan plan)
    {
        var zh = plan.Language.StartsWith("zh", StringComparison.Ordinal);
        var md = new StringBuilder();
        md.AppendLine(zh ? $"# 职业生涯规划 · 学生 {Escape(plan.StudentId)}" : $"# Career plan for student {Escape(plan.StudentId)}").AppendLine();
        Field(md, zh, zh ? "专业" : "Major", plan.MajorName + (plan.ArticulatedMajorName is { } a ? (zh ? $"（衔接本科：{a}）" : $" (leads to {a})") : string.Empty));
        Field(md, zh, zh ? "贯通路径" : "Pathway", plan.PathwayName);
        Field(md, zh, zh ? "当前位置" : "Now", plan.Position.Label);
        md.Append(zh ? "- **阶段：** " : "- **Stages:** ")
            .AppendLine(string.Join(" → ", plan.Stages.Select(s => s.Status == PhaseStatus.Current ? $"**{Escape(s.Name)}**" : Escape(s.Name))));
        if (plan.TransferRequirements is { } transfer)
        {
            Field(md, zh, zh ? "升学衔接要求" : "What the transfer needs", transfer);
        }

        Field(md, zh, zh ? "规则包" : "Rule pack", $"{plan.Pack.Name} {plan.Pack.Version}");
        md.AppendLine();

        if (plan.Job is { } job)
        {
            md.AppendLine(zh ? "## 现任岗位" : "## Job").AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"- {Escape(job.Name ?? (zh ? "（未填写）" : "(not recorded)"))}: {(job.InMajor ? (zh ? "专业对口" : "in the major") : (zh ? "非本专业" : "outside the major"))}");
            if (job.Fit is { } fit)
            {
                Fit(md, plan, fit, zh);
            }

            md.AppendLine();
        }
        else if (plan.TargetPositions.Count > 0)
        {
            md.AppendLine(zh ? "## 目标岗位（按匹配度）" : "## Target positions (by fit)").AppendLine();
            foreach (var fit in plan.TargetPositions)
            {
                Fit(md, plan, fit, zh);
            }

            md.AppendLine();
        }

        var graduated = plan.Position.MonthsSinceGraduation is not null;
        var number = 0;
        foreach (var phase in plan.Phases)
        {
            number++;
            var current = phase.Status == PhaseStatus.Current ? (zh ? " ◀ 当前" : " ◀ now") : string.Empty;
            md.AppendLine(CultureInfo.InvariantCulture, $"## {number}. {Escape(phase.Title)}{current}").AppendLine();
            md.AppendLine(zh ? $"*{PlanText.PhaseLabel(phase.Status, zh)}，始于{Escape(phase.Starts)}*" : $"*{PlanText.PhaseLabel(phase.Status, zh)}, from {Escape(phase.Starts)}*").AppendLine();
            if (phase.Steps.Count == 0)
            {
                md.AppendLine(zh ? "（此阶段没有适用的步骤）" : "(no steps apply in this phase)").AppendLine();
            }

            foreach (var step in phase.Steps)
            {
                var label = PlanText.StepLabel(step.Status, zh, graduated);
                var box = step.Status == StepStatus.Done ? "[x]" : "[ ]";
                var title = step.Status is StepStatus.Now or StepStatus.Overdue ? $"**{label}: {Escape(step.Title)}**" : $"{label}: {Escape(step.Title)}";
                md.AppendLine(CultureInfo.InvariantCulture, $"- {box} {title} — {Escape(step.Due.Label)}  ");
                md.AppendLine(CultureInfo.InvariantCulture, $"  {Escape(step.Detail)}  ");
                md.AppendLine(CultureInfo.InvariantCulture, $"  *{(zh ? "原因" : "Why")}:* {Escape(step.Why)}");
            }

            md.AppendLine();
        }

        return md.ToString();
    }

    private static void Field(StringBuilder md, bool zh, string name, string value) =>
        md.AppendLine(CultureInfo.InvariantCulture, $"- **{name}{(zh ? "：" : ":")}** {Escape(value)}");

    private static void Fit(StringBuilder md, CareerPlan plan, PositionFit fit, bool zh)
    {
        md.AppendLine(CultureInfo.InvariantCulture, $"- **{Escape(PlanText.FitSummary(plan, fit, zh))}**");
        foreach (var gap in fit.Gaps.Take(5))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"  - {Escape(PlanText.GapLine(gap, zh))}");
        }
    }

    /// <summary>Pack texts are plain text: characters Markdown would read as formatting are escaped.</summary>
    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\\' or '*' or '_' or '`' or '[' or ']' or '<' or '>' or '#' or '|')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }
}
