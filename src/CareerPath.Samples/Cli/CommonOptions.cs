using System.CommandLine;

namespace CareerPath.Samples.Cli;

/// <summary>What every command shares: the <c>--rules</c> option, loading the pack, and reporting located errors.</summary>
internal static class CommonOptions
{
    public static Option<string[]> Rules() => new("--rules", "-r")
    {
        Description = "A rule pack file or folder to use instead of the embedded default pack; repeat for a pack in several places, or one path per pack to layer packs that 'extend' each other.",
        HelpName = "file|dir",
    };

    /// <summary>The default pack, or the packs at <paramref name="paths"/>; null after reporting the errors.</summary>
    public static RuleSet? LoadRules(string[] paths, TextWriter error)
    {
        try
        {
            return paths.Length == 0 ? RulePackLoader.LoadDefault() : RulePackLoader.LoadFiles(paths);
        }
        catch (RulePackException exception)
        {
            Report(error, exception.Errors, "The rule pack was not loaded");
            return null;
        }
    }

    public static int Report(TextWriter error, IReadOnlyList<InputError> errors, string what)
    {
        foreach (var item in errors)
        {
            error.WriteLine(item.ToString());
        }

        error.WriteLine($"{what}: {errors.Count} problem{(errors.Count == 1 ? string.Empty : "s")} to fix.");
        return ExitCodes.InvalidInput;
    }
}
