namespace CareerPath.Samples.Cli;

/// <summary>The plan as plain text a counselor reads: where the student stands, then the five phases in order.</summary>
internal static class PlanText
{
    public static void Write(CareerPlan plan, TextWriter output)
    {
        var zh = plan.Language.StartsWith("zh", StringComparison.Ordinal);
        output.WriteLine(zh ? $"职业生涯规划 · 学生 {plan.StudentId}" : $"Career plan for student {plan.StudentId}");
        output.WriteLine(zh
            ? $"专业：{plan.MajorName}{(plan.ArticulatedMajorName is { } a ? $"（衔接本科：{a}）" : string.Empty)}"
            : $"Major: {plan.MajorName}{(plan.ArticulatedMajorName is { } b ? $" (leads to {b})" : string.Empty)}");
        if (plan.TransferRequirements is { } transfer)
        {
            output.WriteLine(zh ? $"升学衔接要求：{transfer}" : $"What the transfer needs: {transfer}");
        }

        output.WriteLine(zh ? $"贯通路径：{plan.PathwayName}" : $"Pathway: {plan.PathwayName}");
        output.WriteLine(zh ? $"当前位置：{plan.Position.Label}" : $"Now: {plan.Position.Label}");
        output.WriteLine((zh ? "阶段：" : "Stages: ") + string.Join(" → ", plan.Stages.Select(s => s.Status == PhaseStatus.Current ? $"[{s.Name}]" : s.Name)));
        output.WriteLine(zh ? $"规则包：{plan.Pack.Name} {plan.Pack.Version}" : $"Rule pack: {plan.Pack.Name} {plan.Pack.Version}");

        WriteTargets(plan, output, zh);

        var graduated = plan.Position.MonthsSinceGraduation is not null;
        var number = 0;
        foreach (var phase in plan.Phases)
        {
            number++;
            output.WriteLine();
            var status = PhaseLabel(phase.Status, zh);
            var open = phase.Status == PhaseStatus.Done ? phase.Steps.Count(s => s.Status is StepStatus.Now or StepStatus.Overdue) : 0;
            if (open > 0)
            {
                status += zh ? $"，仍有{open}项未完成" : $", {open} still open";
            }

            var marker = phase.Status == PhaseStatus.Current ? ">>" : "==";
            output.WriteLine(zh
                ? $"{marker} {number}. {phase.Title}（{status}，始于{phase.Starts}）"
                : $"{marker} {number}. {phase.Title} ({status}, from {phase.Starts})");
            if (phase.Steps.Count == 0)
            {
                output.WriteLine(zh ? "   （此阶段没有适用的步骤）" : "   (no steps apply in this phase)");
            }

            foreach (var step in phase.Steps)
            {
                output.WriteLine($"   [{StepLabel(step.Status, zh, graduated)}] {step.Title} — {step.Due.Label}");
                output.WriteLine($"       {step.Detail}");
                output.WriteLine(zh ? $"       原因：{step.Why}" : $"       Why: {step.Why}");
                if (step.Evidence.Count > 0 && step.Item is null && step.Status is StepStatus.Now or StepStatus.Overdue)
                {
                    var facts = string.Join(", ", step.Evidence.Select(e => $"{e.Fact} = {e.Value}"));
                    output.WriteLine(zh ? $"       依据：{facts}" : $"       Based on: {facts}");
                }
            }
        }

        if (plan.Diagnostics.Count > 0)
        {
            output.WriteLine();
            output.WriteLine(zh ? "注意：" : "Notes:");
            foreach (var diagnostic in plan.Diagnostics)
            {
                output.WriteLine($"   {diagnostic.Message}");
            }
        }
    }

    private static void WriteTargets(CareerPlan plan, TextWriter output, bool zh)
    {
        if (plan.Job is { } job)
        {
            output.WriteLine();
            WriteJob(plan, job, output, zh);
        }

        if (plan.TargetPositions.Count == 0 || plan.Job is not null)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine(zh ? "目标岗位（按匹配度）：" : "Target positions (by fit):");
        foreach (var fit in plan.TargetPositions)
        {
            WriteFit(plan, fit, output, zh);
        }
    }

    private static void WriteJob(CareerPlan plan, PlanJob job, TextWriter output, bool zh)
    {
        var inMajor = job.InMajor ? (zh ? "专业对口" : "in the major") : (zh ? "非本专业" : "outside the major");
        var rank = job.Rank is { } r
            ? (zh ? $"，在本人 {plan.Positions.Count} 个专业岗位中匹配度排第 {r}" : $", {Ordinal(r)} of the {plan.Positions.Count} positions of the major for this student")
            : string.Empty;
        output.WriteLine(zh ? $"现任岗位：{job.Name ?? "（未填写）"}（{inMajor}{rank}）" : $"Job: {job.Name ?? "(not recorded)"} ({inMajor}{rank})");
        if (job.Fit is { } fit)
        {
            WriteFit(plan, fit, output, zh);
        }

        if (job.Rank is > 1 && plan.Positions.Count > 0)
        {
            var best = plan.Positions[0];
            output.WriteLine(zh ? $"   最匹配的岗位：{best.Name} {Percent(best.Score)}" : $"   Best fit: {best.Name} {Percent(best.Score)}");
        }
    }

    private static void WriteFit(CareerPlan plan, PositionFit fit, TextWriter output, bool zh)
    {
        output.WriteLine($"   {FitSummary(plan, fit, zh)}");
        foreach (var gap in fit.Gaps.Take(3))
        {
            output.WriteLine($"      - {GapLine(gap, zh)}");
        }

        if (fit.Gaps.Count > 3)
        {
            output.WriteLine(zh ? $"      （另有 {fit.Gaps.Count - 3} 项差距，见 --format json）" : $"      ({fit.Gaps.Count - 3} more gaps in --format json)");
        }
    }

    /// <summary>"Name 51% (skills 65%, certificates 50%, interests 72%, ...)".</summary>
    internal static string FitSummary(CareerPlan plan, PositionFit fit, bool zh)
    {
        var interests = fit.Interests is { } i ? Percent(i) : (zh ? "未知" : "unknown");
        var notes = new List<string>();
        if (fit.Major != plan.Major)
        {
            notes.Add(zh ? "本科岗位" : "needs a bachelor's degree");
        }

        if (fit.Goal < 1)
        {
            notes.Add(zh ? $"与目标路线不同 ×{fit.Goal:0.0}" : $"other route than the goal ×{fit.Goal:0.0}");
        }

        if (fit.ChosenByStudent)
        {
            notes.Add(zh ? "本人选择" : "chosen by the student");
        }

        var extra = notes.Count > 0 ? (zh ? "，" : ", ") + string.Join(zh ? "，" : ", ", notes) : string.Empty;
        return zh
            ? $"{fit.Name} {Percent(fit.Score)}（技能 {Percent(fit.Skills)}，证书 {Percent(fit.Certificates)}，兴趣 {interests}{extra}）"
            : $"{fit.Name} {Percent(fit.Score)} (skills {Percent(fit.Skills)}, certificates {Percent(fit.Certificates)}, interests {interests}{extra})";
    }

    /// <summary>"Skill 1→3: Module (module); Base (practice base)".</summary>
    internal static string GapLine(PositionGap gap, bool zh)
    {
        var what = gap.Kind == "skill"
            ? (zh ? $"{gap.Name} {gap.Level}→{gap.Needed}级" : $"{gap.Name} {gap.Level}→{gap.Needed}")
            : (zh ? $"考取{gap.Name}" : $"earn {gap.Name}");
        var closers = gap.ClosedBy.Take(2).Select(c => Closer(c, zh)).ToList();
        return what + (closers.Count == 0 ? string.Empty : (zh ? "：" : ": ") + string.Join(zh ? "；" : "; ", closers));
    }

    private static string Closer(GapCloser closer, bool zh)
    {
        var kind = closer.Kind == "module" ? (zh ? "课程" : "module") : (zh ? "实训基地" : "practice base");
        var level = closer.Level is { } l && !closer.Closes ? (zh ? $"，可达{l}级" : $", to level {l}") : string.Empty;
        return zh ? $"{closer.Name}（{kind}{level}）" : $"{closer.Name} ({kind}{level})";
    }

    private static string Ordinal(int n) => (n % 100) switch
    {
        11 or 12 or 13 => $"{n}th",
        _ => (n % 10) switch { 1 => $"{n}st", 2 => $"{n}nd", 3 => $"{n}rd", _ => $"{n}th" },
    };

    internal static string Percent(double value) => $"{Math.Round(value * 100):0}%";

    internal static string PhaseLabel(PhaseStatus status, bool zh) => status switch
    {
        PhaseStatus.Done => zh ? "已完成" : "done",
        PhaseStatus.Current => zh ? "当前阶段" : "CURRENT",
        _ => zh ? "未开始" : "upcoming",
    };

    internal static string StepLabel(StepStatus status, bool zh, bool graduated) => status switch
    {
        StepStatus.Done => zh ? "已完成" : "done",
        StepStatus.Now => zh ? (graduated ? "当前" : "本学期") : "NOW",
        StepStatus.Overdue => zh ? "已逾期" : "OVERDUE",
        _ => zh ? "待进行" : "upcoming",
    };
}
