using System.Diagnostics;
using System.Runtime.CompilerServices;
using CareerPath.Yaml;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareerPath.Hosting;

/// <summary>
/// Loads the rule pack that a <see cref="CareerPathOptions"/> describes, logging the load, and keeps
/// it for that options instance: start-up validation loads it and the <see cref="RuleSet"/> service
/// reuses it. A reload on options change would call <see cref="Load"/> with the new instance.
/// </summary>
internal sealed class ConfiguredPackLoader(ILogger logger)
{
    private readonly Lock _gate = new();
    private readonly ConditionalWeakTable<CareerPathOptions, RuleSet> _loaded = [];

    /// <summary>The options' pack, loaded once per options instance.</summary>
    /// <exception cref="RulePackException">The pack has errors (they are logged too).</exception>
    public RuleSet Load(CareerPathOptions options)
    {
        lock (_gate)
        {
            if (_loaded.TryGetValue(options, out var loaded))
            {
                return loaded;
            }

            var started = Stopwatch.GetTimestamp();
            RuleSet ruleSet;
            try
            {
                ruleSet = LoadUncached(options);
            }
            catch (RulePackException exception)
            {
                CareerPathLog.PackLoadFailed(logger, exception.Errors.Count, exception);
                throw;
            }

            var elapsed = Stopwatch.GetElapsedTime(started);
            CareerPathLog.PackLoaded(logger, ruleSet.Name, ruleSet.Version, ruleSet.RuleCount, (long)elapsed.TotalMilliseconds);
            _loaded.Add(options, ruleSet);
            return ruleSet;
        }
    }

    /// <summary>
    /// For a reload: the current options' pack, with the checks start-up makes, so an options change
    /// that fails them (or a pack without the default language) is a failed reload, not a broken planner.
    /// </summary>
    public static RuleSet LoadChecked(IOptionsMonitor<CareerPathOptions> monitor)
    {
        CareerPathOptions options;
        try
        {
            options = monitor.CurrentValue;
        }
        catch (OptionsValidationException exception)
        {
            throw new RulePackException([.. exception.Failures.Select(f => new InputError(nameof(CareerPathOptions), 0, 0, f))]);
        }

        var ruleSet = LoadUncached(options);
        if (options.DefaultLanguage is { } language && !ruleSet.Languages.Contains(language, StringComparer.OrdinalIgnoreCase))
        {
            throw new RulePackException([new InputError(nameof(CareerPathOptions), 0, 0,
                $"DefaultLanguage is '{language}', but the changed pack '{ruleSet.Name}' is written in {string.Join(" and ", ruleSet.Languages)}.")]);
        }

        return ruleSet;
    }

    /// <summary>Loads the options' pack without the cache or logging (a reload logs for itself).</summary>
    public static RuleSet LoadUncached(CareerPathOptions options)
    {
        if (options.UseDefaultPack && options.RulePackPaths.Count == 0 && options.RulePackStreams.Count == 0)
        {
            return RulePackLoader.LoadDefault();
        }

        var limits = options.Limits ?? InputLimits.Default;
        var errors = new InputErrorList(limits);
        var texts = new List<(string Name, string Text)>();
        foreach (var stream in options.RulePackStreams)
        {
            Read(stream, texts, errors, limits);
        }

        if (texts.Count == 0 && options.RulePackPaths.Count == 0)
        {
            errors.Add(nameof(CareerPathOptions), 0, 0,
                "no rule pack: UseDefaultPack is false and no pack file, folder or stream was added. Add your pack with AddRulePackFile, AddRulePackDirectory or AddRulePackStream, or set UseDefaultPack to true.");
        }

        var ruleSet = RulePackLoader.Load(texts, options.RulePackPaths, errors, limits);
        if (options.UseDefaultPack && ruleSet.Layers.All(l => l.Name != RulePackLoader.DefaultPackName))
        {
            throw new RulePackException([new InputError(nameof(CareerPathOptions), 0, 0,
                $"UseDefaultPack is true, but the pack '{ruleSet.Name}' does not extend {RulePackLoader.DefaultPackName}; add 'extends: {RulePackLoader.DefaultPackName}' to its 'pack:' header to layer it on the default pack, or set UseDefaultPack to false to use it alone.")]);
        }

        return ruleSet;
    }

    private static void Read(RulePackStreamSource source, List<(string Name, string Text)> texts, InputErrorList errors, InputLimits limits)
    {
        try
        {
            using var stream = source.Open();
            if (stream is null)
            {
                errors.Add(source.Name, 0, 0, "the stream provider returned no stream; for an embedded resource, check its name against GetManifestResourceNames().");
                return;
            }

            // Read up to the limit only: a stream has no length to check first, and may not end.
            if (TextFiles.Read(stream, source.Name, limits.MaxFileBytes, nameof(InputLimits.MaxFileBytes), errors) is { } text)
            {
                texts.Add((source.Name, text));
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            errors.Add(source.Name, 0, 0, $"the stream cannot be read: {exception.Message}");
        }
    }
}
