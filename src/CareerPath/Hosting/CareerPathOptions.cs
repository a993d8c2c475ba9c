namespace CareerPath;

/// <summary>
/// Which rule pack <c>services.AddCareerPath(...)</c> plans from, and the plans' default language.
/// The pack is loaded and checked once, when the host starts; a pack with any error stops the start
/// with every problem listed.
/// </summary>
/// <remarks>
/// By default the planner uses the default pack embedded in the library. To plan from a pack of your own:
/// <code>
/// services.AddCareerPath(options =>
/// {
///     options.UseDefaultPack = false;
///     options.AddRulePackDirectory("packs/our-school");
/// });
/// </code>
/// The options bind from configuration too, for example
/// <c>services.Configure&lt;CareerPathOptions&gt;(configuration.GetSection("CareerPath"))</c> with
/// <c>{ "CareerPath": { "UseDefaultPack": false, "RulePackPaths": [ "packs/our-school" ], "DefaultLanguage": "zh-CN" } }</c>.
/// </remarks>
public sealed class CareerPathOptions
{
    /// <summary>
    /// Whether the plans come from the default pack embedded in the library. Default <see langword="true"/>.
    /// </summary>
    /// <remarks>
    /// When <see langword="true"/> and nothing is added, the default pack is used as it is. Packs added
    /// here then layer on it: each says <c>extends: careerpath-default</c> in its header
    /// (docs/rule-format.md#extending-a-pack), and start-up fails with the fix if one does not.
    /// Set it to <see langword="false"/> to use a complete pack of your own alone; start-up then
    /// fails unless a file, folder or stream is added.
    /// </remarks>
    public bool UseDefaultPack { get; set; } = true;

    /// <summary>
    /// Whether the registered <see cref="ICareerPlanner"/> watches <see cref="RulePackPaths"/> and
    /// reloads the pack when its files or these options change (a <see cref="ReloadingCareerPlanner"/>:
    /// a broken change is logged and the last good pack keeps serving). Default <see langword="false"/>.
    /// The <see cref="RuleSet"/> service stays the pack loaded at start-up; read
    /// <see cref="ICareerPlanner.RuleSet"/> for the pack serving now.
    /// </summary>
    public bool WatchForChanges { get; set; }

    /// <summary>
    /// Rule pack files and folders, after the streams: one pack's files, or one path per pack when several packs layer by <c>extends</c>.
    /// A folder contributes every <c>.yaml</c> and <c>.yml</c> file under it. Relative paths are relative
    /// to the current directory.
    /// </summary>
    public IList<string> RulePackPaths { get; } = [];

    /// <summary>Rule pack files read from streams, such as packs an application ships as embedded resources.</summary>
    public IList<RulePackStreamSource> RulePackStreams { get; } = [];

    /// <summary>
    /// The language of plans made without <see cref="PlanOptions.Language"/>; one of the pack's languages
    /// (<c>en</c> or <c>zh-CN</c> in the default pack). Default <see langword="null"/>: the pack's first language.
    /// </summary>
    public string? DefaultLanguage { get; set; }

    /// <summary>
    /// The most the library reads from the pack's files and from each student profile planned:
    /// file size, rules, catalogue entries, nesting, text length, items in a profile's lists
    /// (<see cref="InputLimits"/>; docs/security.md). Default: <see cref="InputLimits.Default"/>'s values.
    /// </summary>
    /// <remarks>Binds from configuration too, for example <c>"Limits": { "MaxRules": 20000 }</c>.</remarks>
    public InputLimits Limits { get; set; } = new();

    /// <summary>Adds a rule pack file.</summary>
    /// <param name="path">The <c>.yaml</c> file.</param>
    /// <returns>These options, for chaining.</returns>
    public CareerPathOptions AddRulePackFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        RulePackPaths.Add(path);
        return this;
    }

    /// <summary>Adds every <c>.yaml</c> and <c>.yml</c> file under a folder, in path order.</summary>
    /// <param name="path">The folder.</param>
    /// <returns>These options, for chaining.</returns>
    public CareerPathOptions AddRulePackDirectory(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        RulePackPaths.Add(path);
        return this;
    }

    /// <summary>Adds a rule pack file read from a stream, for example an embedded resource.</summary>
    /// <remarks>
    /// <code>
    /// var assembly = typeof(Program).Assembly;
    /// options.AddRulePackStream("our-school.yaml", () => assembly.GetManifestResourceStream("OurApp.Packs.our-school.yaml")!);
    /// </code>
    /// </remarks>
    /// <param name="name">What errors call the file, for example the resource's name.</param>
    /// <param name="open">Opens the stream when the pack loads; the stream is read as UTF-8 and disposed.</param>
    /// <returns>These options, for chaining.</returns>
    public CareerPathOptions AddRulePackStream(string name, Func<Stream> open)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(open);
        RulePackStreams.Add(new RulePackStreamSource(name, open));
        return this;
    }
}
