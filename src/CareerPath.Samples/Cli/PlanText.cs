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
                if (step.Evidence.Count > 0 && step.Status is StepStatus.Now or StepStatus.Overdue)
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
        if (plan.TargetPositions.Count == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine(zh ? "目标岗位（按匹配度）：" : "Target positions (by fit):");
        foreach (var fit in plan.TargetPositions)
        {
            var interests = fit.Interests is { } i ? Percent(i) : (zh ? "未知" : "unknown");
            output.WriteLine(zh
                ? $"   {fit.Name} {Percent(fit.Score)}（技能 {Percent(fit.Skills)}，证书 {Percent(fit.Certificates)}，兴趣 {interests}）{(fit.ChosenByStudent ? "，本人选择" : string.Empty)}"
                : $"   {fit.Name} {Percent(fit.Score)} (skills {Percent(fit.Skills)}, certificates {Percent(fit.Certificates)}, interests {interests}){(fit.ChosenByStudent ? ", chosen by the student" : string.Empty)}");
            var gaps = fit.Gaps.Take(3).Select(g => g.Kind == "skill"
                ? (zh ? $"{g.Name} {g.Level}→{g.Needed}级" : $"{g.Name} {g.Level}→{g.Needed}")
                : (zh ? $"考取{g.Name}" : $"earn {g.Name}")).ToList();
            if (gaps.Count > 0)
            {
                output.WriteLine(zh ? $"      差距：{string.Join("；", gaps)}" : $"      Gaps: {string.Join("; ", gaps)}");
            }
        }
    }

    private static string Percent(double value) => $"{Math.Round(value * 100):0}%";

    private static string PhaseLabel(PhaseStatus status, bool zh) => status switch
    {
        PhaseStatus.Done => zh ? "已完成" : "done",
        PhaseStatus.Current => zh ? "当前阶段" : "CURRENT",
        _ => zh ? "未开始" : "upcoming",
    };

    private static string StepLabel(StepStatus status, bool zh, bool graduated) => status switch
    {
        StepStatus.Done => zh ? "已完成" : "done",
        StepStatus.Now => zh ? (graduated ? "当前" : "本学期") : "NOW",
        StepStatus.Overdue => zh ? "已逾期" : "OVERDUE",
        _ => zh ? "待进行" : "upcoming",
    };
}
