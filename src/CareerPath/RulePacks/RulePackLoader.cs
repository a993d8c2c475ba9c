using CareerPath.RulePacks;
using CareerPath.Yaml;

namespace CareerPath;

/// <summary>
/// Loads rule packs: the default pack embedded in the library, or a pack's YAML files. Loading reads,
/// checks and compiles everything; it either returns a <see cref="RuleSet"/> or throws a
/// <see cref="RulePackException"/> with every problem in every file, and never half-loads a pack.
/// </summary>
/// <remarks>
/// The format is documented in docs/rule-format.md.
/// <code>
/// RuleSet pack = RulePackLoader.LoadFiles(["packs/our-school"]);   // a folder of .yaml files
/// var planner = new CareerPlanner(pack);
/// </code>
/// </remarks>
public static class RulePackLoader
{
    /// <summary>Largest rule pack file accepted, in bytes.</summary>
    public const int MaxFileBytes = 4 * 1024 * 1024;

    private const string ResourcePrefix = "CareerPath.DefaultPack/";

    private static readonly Lazy<RuleSet> Default = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// The default pack that ships inside the library. It is loaded once per process and shared.
    /// </summary>
    /// <returns>The default rule set.</returns>
    public static RuleSet LoadDefault() => Default.Value;

    /// <summary>
    /// Loads one pack from files and folders. A folder contributes every <c>.yaml</c> and <c>.yml</c>
    /// file under it, in path order. Exactly one of the files has the <c>pack:</c> header.
    /// </summary>
    /// <param name="paths">Files and folders of the pack.</param>
    /// <returns>The loaded rule set.</returns>
    /// <exception cref="RulePackException">A file is missing or unreadable, or the pack has errors; all are listed.</exception>
    public static RuleSet LoadFiles(IEnumerable<string> paths) => Load([], paths, new InputErrorList());

    /// <summary>
    /// Loads one pack from texts read elsewhere (the default pack's, streams') followed by files and
    /// folders; <paramref name="errors"/> may already hold problems met reading the texts.
    /// </summary>
    internal static RuleSet Load(List<(string Name, string Text)> texts, IEnumerable<string> paths, InputErrorList errors)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var sources = texts;
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                List<string> files;
                try
                {
                    files = [.. Directory.EnumerateFiles(path, "*.*", SearchOption.AllDirectories)
                        .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                        .Order(StringComparer.Ordinal)];
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    errors.Add(path, 0, 0, $"the folder cannot be read: {exception.Message} Check its permissions.");
                    continue;
                }

                if (files.Count == 0)
                {
                    errors.Add(path, 0, 0, "the folder holds no .yaml or .yml files; point --rules at a pack's folder or files.");
                }

                foreach (var file in files)
                {
                    ReadSource(file, sources, errors);
                }
            }
            else
            {
                ReadSource(path, sources, errors);
            }
        }

        if (sources.Count == 0 && errors.Count == 0)
        {
            errors.Add("rule pack", 0, 0, "no rule pack files were given.");
        }

        return Build(sources, errors);
    }

    /// <summary>Loads a pack written as one YAML text (handy in tests and for packs kept in a database).</summary>
    /// <param name="yaml">The pack: a <c>pack:</c> header, catalogue and rules.</param>
    /// <param name="sourceName">What to call the text in errors, usually a file name.</param>
    /// <returns>The loaded rule set.</returns>
    /// <exception cref="RulePackException">The pack has errors; all are listed.</exception>
    public static RuleSet LoadText(string yaml, string sourceName = "rules.yaml")
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(sourceName);
        var errors = new InputErrorList();
        if (yaml.Length > MaxFileBytes)
        {
            errors.Add(sourceName, 0, 0, $"the text is {yaml.Length:N0} characters; a rule pack file may be at most {MaxFileBytes:N0} bytes. Split the pack into several files.");
        }

        return Build([(sourceName, yaml)], errors);
    }

    private static RuleSet LoadEmbedded() => Build(EmbeddedSources(), new InputErrorList());

    /// <summary>The default pack's files as embedded in the library, in name order.</summary>
    internal static List<(string Name, string Text)> EmbeddedSources()
    {
        var assembly = typeof(RulePackLoader).Assembly;
        var sources = new List<(string Name, string Text)>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            sources.Add((name, reader.ReadToEnd()));
        }

        return sources;
    }

    private static void ReadSource(string path, List<(string Name, string Text)> sources, InputErrorList errors)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                errors.Add(path, 0, 0, "the file does not exist; check the path.");
            }
            else if (info.Length > MaxFileBytes)
            {
                errors.Add(path, 0, 0, $"the file is {info.Length:N0} bytes; a rule pack file may be at most {MaxFileBytes:N0} bytes. Split the pack into several files.");
            }
            else
            {
                sources.Add((path, File.ReadAllText(path)));
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            errors.Add(path, 0, 0, $"the file cannot be read: {exception.Message}");
        }
    }

    private static RuleSet Build(List<(string Name, string Text)> sources, InputErrorList errors)
    {
        // A file that could not be read or is not YAML may hold the header or ids the others refer
        // to, so the whole-pack checks wait until every file reads: they would only mislead.
        var allRead = errors.Count == 0;
        var contents = new PackContents();
        foreach (var (name, text) in sources)
        {
            allRead &= PackFileReader.Read(text, name, contents, errors);
        }

        var ruleSet = allRead ? PackBuilder.Build(contents, [.. sources.Select(s => s.Name)], errors) : null;
        if (ruleSet is null || errors.Count > 0)
        {
            // File order, then place in the file, so a reader can fix them top to bottom.
            var fileOrder = sources.Select((s, i) => (s.Name, i)).DistinctBy(p => p.Name).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
            throw new RulePackException([.. errors.ToList()
                .OrderBy(e => fileOrder.TryGetValue(e.File, out var i) ? i : -1)
                .ThenBy(e => e.Line)
                .ThenBy(e => e.Column)]);
        }

        return ruleSet;
    }
}
