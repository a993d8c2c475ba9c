using CareerPath.Scenarios;
using CareerPath.Yaml;

namespace CareerPath;

/// <summary>
/// Runs scenario files: for each scenario, plans its student and checks what the plan must show
/// (docs/scenarios.md). A school puts its pack's scenarios in its own CI with one call.
/// </summary>
/// <remarks>
/// <code>
/// var report = ScenarioRunner.Run(["packs/our-school-scenarios"], new CareerPlanner(ruleSet));
/// if (!report.Passed) { ... report.Results.Where(r => !r.Passed) ... }
/// </code>
/// </remarks>
public static class ScenarioRunner
{
    /// <summary>Runs every scenario in the files and folders given (a folder: its <c>.yaml</c> and <c>.yml</c> files).</summary>
    /// <param name="paths">Scenario files and folders.</param>
    /// <param name="planner">The planner to test, with the rule pack under test.</param>
    /// <returns>The report: every result, and every mistake in the files.</returns>
    public static ScenarioReport Run(IEnumerable<string> paths, ICareerPlanner planner)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(planner);
        var errors = new InputErrorList();
        var results = new List<ScenarioResult>();
        var files = PackPaths.Expand(paths, errors, "scenario");
        if (files.Count == 0 && errors.Count == 0)
        {
            errors.Add("scenarios", 0, 0, "no scenario files were given.");
        }

        foreach (var file in files)
        {
            if (PackPaths.ReadText(file, errors) is not { } text)
            {
                continue;
            }

            foreach (var scenario in new ScenarioFileReader(file, planner.RuleSet, errors).Read(text))
            {
                CareerPlan plan;
                try
                {
                    plan = planner.Plan(scenario.Student, new PlanOptions { Language = scenario.Language });
                }
                catch (Exception exception) when (exception is StudentProfileException or ArgumentException or RuleFaultException)
                {
                    // A planner that checks more than the file did (its own limits, strict mode, another pack since a reload).
                    errors.Add(file, scenario.Line, 0, $"the scenario '{scenario.Name}' could not be planned: {exception.Message}");
                    continue;
                }

                results.Add(new ScenarioResult
                {
                    File = file,
                    Line = scenario.Line,
                    Name = scenario.Name,
                    Failures = ScenarioCheck.Failures(scenario, plan),
                });
            }
        }

        var order = files.Select((f, i) => (f, i)).DistinctBy(p => p.f).ToDictionary(p => p.f, p => p.i, StringComparer.Ordinal);
        return new ScenarioReport { Results = results.AsReadOnly(), Errors = errors.ToList(file => order.GetValueOrDefault(file, -1)) };
    }
}
