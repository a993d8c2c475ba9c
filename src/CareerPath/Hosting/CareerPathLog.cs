using Microsoft.Extensions.Logging;

namespace CareerPath.Hosting;

/// <summary>What the library logs, with stable event ids. A student appears by id only, never by name or any other field.</summary>
internal static partial class CareerPathLog
{
    [LoggerMessage(EventId = 1, EventName = "RulePackLoaded", Level = LogLevel.Information,
        Message = "Loaded rule pack {PackName} {PackVersion}: {RuleCount} rules in {ElapsedMilliseconds} ms")]
    public static partial void PackLoaded(ILogger logger, string packName, string packVersion, int ruleCount, long elapsedMilliseconds);

    [LoggerMessage(EventId = 2, EventName = "RulePackLoadFailed", Level = LogLevel.Error,
        Message = "The rule pack could not be loaded: {ProblemCount} problems, each listed in the exception")]
    public static partial void PackLoadFailed(ILogger logger, int problemCount, RulePackException exception);

    [LoggerMessage(EventId = 3, EventName = "PlanDiagnostic", Level = LogLevel.Warning,
        Message = "Plan for student {StudentId}: {DiagnosticCode} in rule {RuleId}: {Diagnostic}")]
    public static partial void PlanDiagnostic(ILogger logger, string studentId, string diagnosticCode, string? ruleId, string diagnostic);

    [LoggerMessage(EventId = 4, EventName = "RulePackReloadFailed", Level = LogLevel.Error,
        Message = "The changed rule pack could not be loaded: {ProblemCount} problems, each listed in the exception; still serving {PackName} {PackVersion}")]
    public static partial void PackReloadFailed(ILogger logger, int problemCount, string packName, string packVersion, RulePackException exception);

    [LoggerMessage(EventId = 5, EventName = "RulePackReloadCrashed", Level = LogLevel.Error,
        Message = "A rule pack reload or a reload event handler failed; the last good pack keeps serving")]
    public static partial void ReloadCrashed(ILogger logger, Exception exception);
}
