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

    public static Option<string> Language()
    {
        var language = new Option<string>("--lang", "-l")
        {
            Description = "The language of the plan: one of the rule pack's languages (en or zh-CN in the default pack). Default: the pack's first.",
            HelpName = "en|zh-CN",
        };
        language.CompletionSources.Add("en", "zh-CN");
        return language;
    }

    /// <summary>Whether the pack is written in <paramref name="language"/> (null: its first); false after saying which it has.</summary>
    public static bool CheckLanguage(RuleSet ruleSet, string? language, TextWriter error)
    {
        if (language is null || ruleSet.Languages.Contains(language, StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        error.WriteLine($"careerpath: --lang {language}: the rule pack '{ruleSet.Name}' is written in {string.Join(" and ", ruleSet.Languages)}; choose one of those.");
        return false;
    }

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
