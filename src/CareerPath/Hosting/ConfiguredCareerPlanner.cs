using Microsoft.Extensions.Logging;

namespace CareerPath.Hosting;

/// <summary>
/// The planner <c>AddCareerPath</c> registers: a <see cref="CareerPlanner"/> that plans in the
/// options' default language and logs each plan's diagnostics (with the student's id only).
/// </summary>
internal sealed class ConfiguredCareerPlanner : ICareerPlanner
{
    private readonly ICareerPlanner _planner;
    private readonly PlanOptions? _defaultOptions;
    private readonly ILogger _logger;

    public ConfiguredCareerPlanner(ICareerPlanner planner, string? defaultLanguage, ILogger logger)
    {
        _planner = planner;
        _defaultOptions = defaultLanguage is null ? null : new PlanOptions { Language = defaultLanguage };
        _logger = logger;
    }

    public RuleSet RuleSet => _planner.RuleSet;

    public CareerPlan Plan(StudentProfile student, PlanOptions? options = null)
    {
        if (_defaultOptions is not null && options?.Language is null)
        {
            options = options is null ? _defaultOptions : options with { Language = _defaultOptions.Language };
        }

        var plan = _planner.Plan(student, options);
        if (plan.Diagnostics.Count > 0 && _logger.IsEnabled(LogLevel.Warning))
        {
            foreach (var diagnostic in plan.Diagnostics)
            {
                CareerPathLog.PlanDiagnostic(_logger, plan.StudentId, diagnostic.Code, diagnostic.RuleId, diagnostic.Message);
            }
        }

        return plan;
    }
}
