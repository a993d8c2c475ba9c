using Microsoft.Extensions.Options;

namespace CareerPath.Hosting;

/// <summary>
/// Checks <see cref="CareerPathOptions"/> by loading the pack they describe, so that a broken pack
/// stops the host at start-up with the loader's located errors instead of failing the first plan.
/// </summary>
internal sealed class CareerPathOptionsValidator(ConfiguredPackLoader loader) : IValidateOptions<CareerPathOptions>
{
    public ValidateOptionsResult Validate(string? name, CareerPathOptions options)
    {
        // AddCareerPath reads the unnamed options only.
        if (name != Options.DefaultName)
        {
            return ValidateOptionsResult.Skip;
        }

        RuleSet ruleSet;
        try
        {
            ruleSet = loader.Load(options);
        }
        catch (RulePackException exception)
        {
            return ValidateOptionsResult.Fail(exception.Message);
        }

        var language = options.DefaultLanguage;
        if (language is not null && !ruleSet.Languages.Contains(language, StringComparer.OrdinalIgnoreCase))
        {
            return ValidateOptionsResult.Fail(
                $"CareerPathOptions.DefaultLanguage '{language}' is not one of the rule pack's languages ({string.Join(", ", ruleSet.Languages)}).");
        }

        return ValidateOptionsResult.Success;
    }
}
