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
    /// <summary>Largest rule pack file accepted with the default <see cref="InputLimits"/>, in bytes.</summary>
    public const int MaxFileBytes = PackPaths.MaxFileBytes;

    /// <summary>The name of the default pack, which other packs name in <c>extends</c> to layer on it.</summary>
    public const string DefaultPackName = "careerpath-default";

    private const string ResourcePrefix = "CareerPath.DefaultPack/";

    private static readonly Lazy<List<(string Name, string Text)>> EmbeddedSourcesCache = new(ReadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The default pack's files and conditions parsed when the library was built; null when stale (see <see cref="PackSnapshot"/>).</summary>
    private static readonly Lazy<PackSnapshot?> Snapshot = new(() => PackSnapshot.Embedded(EmbeddedSourcesCache.Value), LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<RuleSet> Default = new(() => Build([EmbeddedSourcesCache.Value], new InputErrorList(), InputLimits.Default, snapshot: () => Snapshot.Value), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// The default pack that ships inside the library. It is loaded once per process and shared.
    /// </summary>
    /// <returns>The default rule set.</returns>
    public static RuleSet LoadDefault() => Default.Value;

    /// <summary>
    /// Loads a pack from files and folders. A folder contributes every <c>.yaml</c> and <c>.yml</c>
    /// file under it, in path order. When exactly one of the files has the <c>pack:</c> header they
    /// are all one pack; when several paths each hold a header, each path is one pack, and the packs
    /// are layered by their <c>extends</c> (docs/rule-format.md#extending-a-pack). A pack that
    /// extends <c>careerpath-default</c> is layered on the embedded default pack.
    /// </summary>
    /// <param name="paths">Files and folders of the pack, or one path per pack.</param>
    /// <returns>The loaded rule set.</returns>
    /// <exception cref="RulePackException">A file is missing or unreadable, or the pack has errors; all are listed.</exception>
    public static RuleSet LoadFiles(IEnumerable<string> paths) => LoadFiles(paths, InputLimits.Default, seen: null);

    /// <summary>Loads a pack from files and folders, as <see cref="LoadFiles(IEnumerable{string})"/> does, within <paramref name="limits"/>.</summary>
    /// <param name="paths">Files and folders of the pack, or one path per pack.</param>
    /// <param name="limits">The most the loader reads (file size, rules, nesting, text length); <see cref="InputLimits.Default"/> for the defaults.</param>
    /// <returns>The loaded rule set.</returns>
    /// <exception cref="RulePackException">A file is missing, unreadable, over a limit, or the pack has errors; all are listed.</exception>
    public static RuleSet LoadFiles(IEnumerable<string> paths, InputLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        return LoadFiles(paths, limits, seen: null);
    }

    /// <summary>
    /// Loads texts read elsewhere (streams; one pack, or files of the pack at the first path) and the
    /// files and folders at <paramref name="paths"/>; <paramref name="errors"/> may already hold
    /// problems met reading the texts.
    /// </summary>
    internal static RuleSet Load(List<(string Name, string Text)> texts, IEnumerable<string> paths, InputErrorList errors, InputLimits limits)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var groups = ReadGroups(paths, errors, limits);
        if (texts.Count > 0)
        {
            groups.Insert(0, texts);
        }

        if (groups.All(g => g.Count == 0) && errors.Count == 0)
        {
            errors.Add("rule pack", 0, 0, "no rule pack files were given.");
        }

        return Build(groups, errors, limits);
    }

    /// <summary>Loads the embedded default pack anew, reading its snapshot again as <see cref="LoadDefault"/> does once (for the benchmarks).</summary>
    internal static RuleSet LoadDefaultAnew() =>
        Build([EmbeddedSourcesCache.Value], new InputErrorList(), InputLimits.Default, snapshot: () => PackSnapshot.Embedded(EmbeddedSourcesCache.Value));

    /// <summary>The default pack's files as embedded in the library, in name order.</summary>
    internal static List<(string Name, string Text)> EmbeddedSources() => [.. EmbeddedSourcesCache.Value];

    /// <summary>Loads like <see cref="LoadFiles(IEnumerable{string})"/>; <paramref name="seen"/> gets the merged contents (for the linter).</summary>
    internal static RuleSet LoadFiles(IEnumerable<string> paths, InputLimits limits, Action<PackContents>? seen)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var errors = new InputErrorList(limits);
        var groups = ReadGroups(paths, errors, limits);
        if (groups.All(g => g.Count == 0) && errors.Count == 0)
        {
            errors.Add("rule pack", 0, 0, "no rule pack files were given.");
        }

        return Build(groups, errors, limits, seen);
    }

    /// <summary>Loads a pack written as one YAML text (handy in tests and for packs kept in a database).</summary>
    /// <param name="yaml">The pack: a <c>pack:</c> header, catalogue and rules.</param>
    /// <param name="sourceName">What to call the text in errors, usually a file name.</param>
    /// <returns>The loaded rule set.</returns>
    /// <exception cref="RulePackException">The pack has errors; all are listed.</exception>
    public static RuleSet LoadText(string yaml, string sourceName = "rules.yaml") => LoadText(yaml, sourceName, InputLimits.Default);

    /// <summary>Loads a pack written as one YAML text, as <see cref="LoadText(string, string)"/> does, within <paramref name="limits"/>.</summary>
    /// <param name="yaml">The pack: a <c>pack:</c> header, catalogue and rules.</param>
    /// <param name="sourceName">What to call the text in errors, usually a file name.</param>
    /// <param name="limits">The most the loader reads; <see cref="InputLimits.Default"/> for the defaults.</param>
    /// <returns>The loaded rule set.</returns>
    /// <exception cref="RulePackException">The pack has errors or is over a limit; all are listed.</exception>
    public static RuleSet LoadText(string yaml, string sourceName, InputLimits limits)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(sourceName);
        ArgumentNullException.ThrowIfNull(limits);
        var errors = new InputErrorList(limits);
        if (yaml.Length > limits.MaxFileBytes)
        {
            errors.Add(sourceName, 0, 0,
                $"the text is {yaml.Length:N0} characters; a rule pack file may have at most {limits.MaxFileBytes:N0} bytes. Split the pack into several files, or raise the limit {InputLimits.HowToRaise(nameof(InputLimits.MaxFileBytes))}.");
            throw new RulePackException(errors.ToList());
        }

        return Build([[(sourceName, yaml)]], errors, limits);
    }

    private static List<List<(string Name, string Text)>> ReadGroups(IEnumerable<string> paths, InputErrorList errors, InputLimits limits) =>
        [.. PackPaths.Groups(paths, errors, "rule pack")
            .Select(files => files.Select(f => (Name: f, Text: PackPaths.ReadText(f, errors, limits))).Where(f => f.Text is not null).Select(f => (f.Name, f.Text!)).ToList())];

    private static List<(string Name, string Text)> ReadEmbedded()
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

    /// <summary>
    /// Reads, checks and compiles on a thread with a stack of its own (<see cref="LoadStackBytes"/>): YAML and
    /// conditions are read recursively, and the depth limits are set so that this stack always suffices,
    /// whatever stack the host calls from (some hosts give their threads 256 KB).
    /// </summary>
    /// <param name="snapshot">Reads the default pack's snapshot, when <paramref name="groups"/> are exactly the embedded default pack (on the load's thread: the reading recurses).</param>
    private static RuleSet Build(List<List<(string Name, string Text)>> groups, InputErrorList errors, InputLimits limits, Action<PackContents>? seen = null, Func<PackSnapshot?>? snapshot = null)
    {
        RuleSet? result = null;
        System.Runtime.ExceptionServices.ExceptionDispatchInfo? failure = null;
        var (culture, uiCulture) = (System.Globalization.CultureInfo.CurrentCulture, System.Globalization.CultureInfo.CurrentUICulture);
        var thread = new Thread(
            () =>
            {
                System.Globalization.CultureInfo.CurrentCulture = culture;
                System.Globalization.CultureInfo.CurrentUICulture = uiCulture;
                try
                {
                    result = BuildHere(groups, errors, limits, seen, snapshot);
                }
#pragma warning disable CA1031 // Caught only to be thrown again on the caller's thread, as it was.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    failure = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(exception);
                }
            },
            LoadStackBytes)
        {
            IsBackground = true,
            Name = "CareerPath rule pack load",
        };
        thread.Start();
        thread.Join();
        failure?.Throw();
        return result!;
    }

    /// <summary>The stack a load runs on: many times what the deepest input the limits allow needs.</summary>
    private const int LoadStackBytes = 16 * 1024 * 1024;

    private static RuleSet BuildHere(List<List<(string Name, string Text)>> groups, InputErrorList errors, InputLimits limits, Action<PackContents>? seen, Func<PackSnapshot?>? readSnapshot)
    {
        var snapshot = readSnapshot?.Invoke();
        if (snapshot is null)
        {
            ColdStart.Begin();
        }

        var sources = groups.SelectMany(g => g).ToList();

        // A file that could not be read or is not YAML may hold the header or ids the others refer
        // to, so the whole-pack checks wait until every file reads: they would only mislead.
        var allRead = errors.Count == 0;
        var packs = new List<PackContents>();
        var perPack = new InputErrorList(limits);
        foreach (var group in groups)
        {
            var pack = new PackContents();
            foreach (var (name, text) in group)
            {
                allRead &= PackFileReader.Read(text, name, pack, perPack, limits, snapshot?.Files.GetValueOrDefault(name));
            }

            packs.Add(pack);
        }

        if (packs.Count(p => p.Headers.Count > 0) > 1)
        {
            // Several packs: each path is one, layered by 'extends'.
            errors.AddRange(perPack);
            foreach (var (pack, group) in packs.Zip(groups).Where(_ => allRead))
            {
                PackBuilder.CheckHeader(pack, [.. group.Select(s => s.Name)], errors, severalPacks: true);
            }
        }
        else if (groups.Count == 1)
        {
            // One pack in one place (the default pack, a folder): it was read as one already.
            errors.AddRange(perPack);
            if (allRead)
            {
                PackBuilder.CheckHeader(packs[0], [.. sources.Select(s => s.Name)], errors, severalPacks: false);
            }
        }
        else
        {
            // One pack over several paths: read again as one, so ids are checked across all files.
            var pack = new PackContents();
            foreach (var (name, text) in sources)
            {
                PackFileReader.Read(text, name, pack, errors, limits);
            }

            if (allRead)
            {
                PackBuilder.CheckHeader(pack, [.. sources.Select(s => s.Name)], errors, severalPacks: false);
            }

            packs = [pack];
        }

        var layeredOnDefault = false;
        var contents = allRead ? Layer(packs, errors, limits, out layeredOnDefault) : null;
        var parsed = snapshot?.Conditions ?? (layeredOnDefault ? Snapshot.Value?.Conditions : null);
        var ruleSet = contents is null ? null : PackBuilder.Build(contents, [.. sources.Select(s => s.Name)], errors, limits, parsed);
        if (ruleSet is not null && errors.Count == 0)
        {
            seen?.Invoke(contents!);
        }
        if (ruleSet is null || errors.Count > 0)
        {
            // File order, then place in the file, so a reader can fix them top to bottom.
            var fileOrder = sources.Select((s, i) => (s.Name, i)).DistinctBy(p => p.Name).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
            throw new RulePackException(errors.ToList(file => fileOrder.TryGetValue(file, out var i) ? i : -1));
        }

        return ruleSet;
    }

    /// <summary>Orders the packs by <c>extends</c>, base first, and merges them; null when they do not form one stack.</summary>
    private static PackContents? Layer(List<PackContents> packs, InputErrorList errors, InputLimits limits, out bool layeredOnDefault)
    {
        layeredOnDefault = false;
        if (packs.Count == 1 && packs[0].Extends is null)
        {
            var pack = packs[0];
            foreach (var place in pack.Overrides.Select(o => o.Place).Concat(pack.Disabled.Select(d => d.Place)).Take(1))
            {
                errors.Add(place.File, place.Line, place.Column,
                    $"'overrides' and 'disable' change the rules of the pack this one extends, but the 'pack:' header has no 'extends'; add 'extends: {DefaultPackName}' (or the name of your base pack).",
                    field: "extends");
            }

            return pack;
        }

        var before = errors.Count;
        var byName = new Dictionary<string, PackContents>(StringComparer.Ordinal);
        foreach (var pack in packs.Where(p => p.Name is not null))
        {
            if (!byName.TryAdd(pack.Name!, pack))
            {
                var header = pack.Headers[0];
                errors.Add(header.File, header.Node, $"two of the packs given are named '{pack.Name}'; give each pack its own name.", field: "name");
            }
        }

        if (packs.Any(p => p.Extends == DefaultPackName) && !byName.ContainsKey(DefaultPackName))
        {
            // The snapshot's trees were read within the default limits; other limits read the text again.
            var trees = limits == InputLimits.Default ? Snapshot.Value?.Files : null;
            var defaultPack = new PackContents();
            foreach (var (name, text) in EmbeddedSourcesCache.Value)
            {
                PackFileReader.Read(text, name, defaultPack, errors, limits, trees?.GetValueOrDefault(name));
            }

            layeredOnDefault = true;

            packs.Add(defaultPack);
            byName[DefaultPackName] = defaultPack;
        }

        foreach (var pack in packs)
        {
            if (pack.Extends is { } baseName && (baseName == pack.Name || !byName.ContainsKey(baseName)))
            {
                var place = pack.ExtendsPlace!;
                errors.Add(place.File, place.Line, place.Column, baseName == pack.Name
                    ? $"the pack '{pack.Name}' extends itself; 'extends' names the pack this one layers on."
                    : $"the pack '{pack.Name}' extends '{baseName}', which is not among the packs given ({string.Join(", ", byName.Keys.Order(StringComparer.Ordinal))}); give its folder too, or extend '{DefaultPackName}'.{Suggestion.Hint(baseName, byName.Keys)}",
                    field: "extends");
            }
        }

        var roots = packs.Where(p => p.Extends is null).ToList();
        if (errors.Count > before || packs.Any(p => p.Name is null || p.Headers.Count != 1))
        {
            return null;
        }

        if (roots.Count != 1)
        {
            var header = packs[0].Headers[0];
            errors.Add(header.File, header.Node, roots.Count == 0
                ? $"the packs extend each other in a circle ({string.Join(" -> ", packs.Select(p => $"{p.Name} extends {p.Extends}"))}); one pack must be the base and extend nothing."
                : $"the packs {string.Join(" and ", roots.Select(r => $"'{r.Name}'"))} extend nothing, so they do not layer on one base; give each school pack 'extends:' with the name of the pack below it.",
                field: "extends");
            return null;
        }

        var depth = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var pack in packs)
        {
            var steps = 0;
            for (var at = pack; at.Extends is { } below; at = byName[below])
            {
                if (++steps > packs.Count)
                {
                    var place = pack.ExtendsPlace!;
                    errors.Add(place.File, place.Line, place.Column, $"the pack '{pack.Name}' extends a pack that in turn extends it; one pack must be the base and extend nothing.", field: "extends");
                    return null;
                }
            }

            depth[pack.Name!] = steps;
        }

        var ordered = packs.OrderBy(p => depth[p.Name!]).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();
        return PackMerger.Merge(ordered, errors);
    }
}
