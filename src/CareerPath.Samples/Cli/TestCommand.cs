using System.CommandLine;

namespace CareerPath.Samples.Cli;

/// <summary><c>careerpath test scenarios/ [--rules pack/]...</c>: runs scenario files against a pack.</summary>
internal static class TestCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var paths = new Argument<string[]>("scenarios")
        {
            Description = "Scenario files or folders (docs/scenarios.md).",
            Arity = ArgumentArity.OneOrMore,
        };
        var rules = CommonOptions.Rules();
        var command = new Command("test", "Run scenario tests: plan each scenario's student and check what the plan must show.") { paths, rules };
        command.SetAction(parsed => Run(parsed.GetRequiredValue(paths), parsed.GetValue(rules) ?? [], output, error));
        return command;
    }

    private static int Run(string[] paths, string[] rulePaths, TextWriter output, TextWriter error)
    {
        if (CommonOptions.LoadRules(rulePaths, error) is not { } ruleSet)
        {
            return ExitCodes.InvalidInput;
        }

        var report = ScenarioRunner.Run(paths, new CareerPlanner(ruleSet));
        string? file = null;
        foreach (var result in report.Results)
        {
            if (result.File != file)
            {
                file = result.File;
                output.WriteLine(file);
            }

            output.WriteLine($"  {(result.Passed ? "pass" : "FAIL")}  {result.Name} (line {result.Line})");
            foreach (var failure in result.Failures)
            {
                output.WriteLine($"        - {failure}");
            }
        }

        var failed = report.Results.Count(r => !r.Passed);
        output.WriteLine();
        output.WriteLine($"{report.Results.Count} scenario{(report.Results.Count == 1 ? string.Empty : "s")} run with {ruleSet}: {report.Results.Count - failed} passed, {failed} failed.");
        if (report.Errors.Count > 0)
        {
            CommonOptions.Report(error, report.Errors, "Some scenarios could not run");
            return ExitCodes.InvalidInput;
        }

        return failed > 0 ? ExitCodes.TestsFailed : ExitCodes.Ok;
    }
}
