using CareerPath.Planning;

namespace CareerPath.Scenarios;

/// <summary>Checks a plan against a scenario's expectations and says, in words, each one that failed.</summary>
internal static class ScenarioCheck
{
    public static List<string> Failures(Scenario scenario, CareerPlan plan)
    {
        var failures = new List<string>();
        var steps = plan.Phases.SelectMany(p => p.Steps).ToList();
        var current = CareerPhases.Ids[(int)plan.CurrentPhase];
        if (scenario.CurrentPhase is { } phase && phase != current)
        {
            failures.Add($"expected the current phase to be {phase}, but it is {current}.");
        }

        foreach (var (id, status) in scenario.Phases)
        {
            var actual = plan.Phases.Single(p => p.Id == id).Status;
            if (actual != status)
            {
                failures.Add($"expected the phase {id} to be {Word(status)}, but it is {Word(actual)}.");
            }
        }

        foreach (var ruleId in scenario.Present.Where(id => steps.All(s => s.RuleId != id)))
        {
            failures.Add($"expected a step from the rule '{ruleId}', but the plan has none.");
        }

        foreach (var ruleId in scenario.Absent)
        {
            if (steps.FirstOrDefault(s => s.RuleId == ruleId) is { } step)
            {
                failures.Add($"expected no step from the rule '{ruleId}', but the plan has \"{step.Title}\".");
            }
        }

        foreach (var (ruleId, status) in scenario.Statuses)
        {
            var ofRule = steps.Where(s => s.RuleId == ruleId).ToList();
            if (ofRule.Count == 0)
            {
                failures.Add($"expected the step from the rule '{ruleId}' to be {Word(status)}, but the plan has no step from it.");
            }
            else if (ofRule.FirstOrDefault(s => s.Status != status) is { } other)
            {
                failures.Add($"expected the step from the rule '{ruleId}' to be {Word(status)}, but \"{other.Title}\" is {Word(other.Status)}.");
            }
        }

        foreach (var text in scenario.Contains.Where(t => !steps.Any(s => Says(s, t))))
        {
            failures.Add($"expected a step whose title or detail contains \"{text}\", but none does.");
        }

        foreach (var text in scenario.Lacks)
        {
            if (steps.FirstOrDefault(s => Says(s, text)) is { } step)
            {
                failures.Add($"expected no step to contain \"{text}\", but the step from '{step.RuleId}' does: \"{step.Title}\".");
            }
        }

        if (scenario.Targets is { } targets && !targets.SequenceEqual(plan.TargetPositions.Select(t => t.PositionId)))
        {
            failures.Add($"expected the target positions [{string.Join(", ", targets)}], but they are [{string.Join(", ", plan.TargetPositions.Select(t => t.PositionId))}].");
        }

        return failures;
    }

    private static bool Says(PlanStep step, string text) =>
        step.Title.Contains(text, StringComparison.OrdinalIgnoreCase) || step.Detail.Contains(text, StringComparison.OrdinalIgnoreCase);

    private static string Word<T>(T status)
        where T : struct, Enum => status.ToString().ToLowerInvariant();
}
