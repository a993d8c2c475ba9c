using CareerPath.Linting;
using CareerPath.RulePacks;

namespace CareerPath;

/// <summary>
/// Lints rule packs for their authors: all load errors at once, and warnings for what loads but is
/// probably a mistake (docs/rule-format.md#validating-a-pack). <c>careerpath validate</c> runs it.
/// </summary>
/// <remarks>
/// <code>
/// var result = RulePackValidator.Validate(["packs/our-school"]);
/// foreach (var problem in result.Errors.Concat(result.Warnings)) Console.WriteLine(problem);
/// </code>
/// </remarks>
public static class RulePackValidator
{
    /// <summary>Loads the pack at <paramref name="paths"/> (as <see cref="RulePackLoader.LoadFiles(IEnumerable{string})"/> does) and lints it.</summary>
    /// <param name="paths">The pack's files and folders, or one path per layered pack.</param>
    /// <returns>The errors, or the loaded pack and its warnings.</returns>
    public static PackValidation Validate(IEnumerable<string> paths) => Validate(paths, InputLimits.Default);

    /// <summary>Loads the pack at <paramref name="paths"/> within <paramref name="limits"/> (as <see cref="RulePackLoader.LoadFiles(IEnumerable{string}, InputLimits)"/> does) and lints it.</summary>
    /// <param name="paths">The pack's files and folders, or one path per layered pack.</param>
    /// <param name="limits">The most the loader reads.</param>
    /// <returns>The errors, or the loaded pack and its warnings.</returns>
    public static PackValidation Validate(IEnumerable<string> paths, InputLimits limits)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(limits);
        PackContents? contents = null;
        RuleSet ruleSet;
        try
        {
            ruleSet = RulePackLoader.LoadFiles(paths, limits, seen: c => contents = c);
        }
        catch (RulePackException exception)
        {
            return new PackValidation { Errors = exception.Errors, Warnings = [] };
        }

        return new PackValidation { RuleSet = ruleSet, Errors = [], Warnings = PackLinter.Lint(ruleSet, contents!) };
    }
}
