using System.CommandLine;

namespace CareerPath.Samples.Cli;

/// <summary><c>careerpath validate pack/ [--warnings-as-errors]</c>: every error and warning of a rule pack.</summary>
internal static class ValidateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var paths = new Argument<string[]>("pack")
        {
            Description = "The pack's files or folders; one path per pack to check packs that 'extend' each other.",
            Arity = ArgumentArity.OneOrMore,
        };
        var strict = new Option<bool>("--warnings-as-errors")
        {
            Description = "Exit 2 on warnings too (for a school's CI).",
        };
        var command = new Command("validate", "Check a rule pack: every load error at once, and warnings for what is probably a mistake.") { paths, strict };
        command.SetAction(parsed => Run(parsed.GetRequiredValue(paths), parsed.GetValue(strict), output, error));
        return command;
    }

    private static int Run(string[] paths, bool strict, TextWriter output, TextWriter error)
    {
        var result = RulePackValidator.Validate(paths);
        if (result.Errors.Count > 0)
        {
            return CommonOptions.Report(error, result.Errors, "The rule pack does not load");
        }

        foreach (var warning in result.Warnings)
        {
            error.WriteLine($"{warning} [{warning.Code}]");
        }

        var pack = result.RuleSet!;
        var warnings = result.Warnings.Count == 1 ? "1 warning" : $"{result.Warnings.Count} warnings";
        output.WriteLine($"{pack} loads: {pack.RuleCount} rules, {warnings}.");
        return strict && result.Warnings.Count > 0 ? ExitCodes.InvalidInput : ExitCodes.Ok;
    }
}
