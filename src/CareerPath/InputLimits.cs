namespace CareerPath;

/// <summary>
/// The most the library accepts from one input: how large a file, how many rules and catalogue entries,
/// how deep YAML and conditions nest, how long a text, how many items a student profile lists. Inputs
/// over a limit are refused with a located error that names the limit; nothing is read past it, so a
/// hostile or broken file cannot take the host's memory, time or stack.
/// </summary>
/// <remarks>
/// The defaults fit the default pack many times over and are safe for a host that loads packs it trusts
/// only partly (docs/security.md). Raise one with <c>with</c>:
/// <code>
/// var limits = InputLimits.Default with { MaxRules = 20_000 };
/// RuleSet pack = RulePackLoader.LoadFiles(["packs/province"], limits);
/// </code>
/// The two nesting limits have ceilings (<see cref="YamlDepthCeiling"/>, <see cref="ConditionDepthCeiling"/>)
/// that no setting can pass: past them, reading recurses deep enough to risk the process's stack.
/// Every limit must be at least 1; a value out of range throws <see cref="ArgumentOutOfRangeException"/>.
/// </remarks>
public sealed record InputLimits
{
    /// <summary>The highest <see cref="MaxYamlDepth"/> can be set: deeper YAML could overflow the stack.</summary>
    public const int YamlDepthCeiling = 64;

    /// <summary>The highest <see cref="MaxConditionDepth"/> can be set: deeper conditions could overflow the stack.</summary>
    public const int ConditionDepthCeiling = 128;

    /// <summary>The highest <see cref="MaxConditionLength"/> can be set, in characters.</summary>
    public const int ConditionLengthCeiling = 20_000;

    /// <summary>The default limits.</summary>
    public static InputLimits Default { get; } = new();

    /// <summary>Largest rule pack file (or stream) in bytes. Default 4 MiB.</summary>
    public int MaxFileBytes { get; init => field = AtLeastOne(value); } = 4 * 1024 * 1024;

    /// <summary>Largest student record file in bytes. Default 1 MiB.</summary>
    public int MaxStudentFileBytes { get; init => field = AtLeastOne(value); } = 1024 * 1024;

    /// <summary>Most rules one pack may hold (new rules of all its files together). Default 5,000; the default pack has about 400.</summary>
    public int MaxRules { get; init => field = AtLeastOne(value); } = 5_000;

    /// <summary>
    /// Most catalogue entries (skills, certificates, majors, positions, learning entries and pathways
    /// together) one pack may hold. Default 5,000; the default pack has about 350.
    /// </summary>
    public int MaxCatalogueEntries { get; init => field = AtLeastOne(value); } = 5_000;

    /// <summary>How deep mappings and lists may nest in a YAML or JSON document. Default 32, at most <see cref="YamlDepthCeiling"/>.</summary>
    public int MaxYamlDepth { get; init => field = InRange(value, YamlDepthCeiling); } = 32;

    /// <summary>Longest text (any key or value in a YAML or JSON document), in characters. Default 10,000.</summary>
    public int MaxStringLength { get; init => field = AtLeastOne(value); } = 10_000;

    /// <summary>Longest <c>when</c> or <c>doneWhen</c> condition, in characters. Default 2,000, at most <see cref="ConditionLengthCeiling"/>.</summary>
    public int MaxConditionLength { get; init => field = InRange(value, ConditionLengthCeiling); } = 2_000;

    /// <summary>
    /// How deep a condition may nest: brackets, <c>!</c> and <c>? :</c> inside one another as written,
    /// and operations inside one another once parsed (each <c>&amp;&amp;</c> of a chain is one level).
    /// Default 32, at most <see cref="ConditionDepthCeiling"/>.
    /// </summary>
    public int MaxConditionDepth { get; init => field = InRange(value, ConditionDepthCeiling); } = 32;

    /// <summary>Most items in each list of a student profile: skills, certificates, target positions. Default 500.</summary>
    public int MaxProfileItems { get; init => field = AtLeastOne(value); } = 500;

    /// <summary>
    /// Most problems reported for one load or one record; past it, the rest are counted in one last
    /// error that says so. Default 1,000.
    /// </summary>
    public int MaxErrors { get; init => field = AtLeastOne(value); } = 1_000;

    /// <summary>The fix to name in a message about the limit <paramref name="property"/>.</summary>
    internal static string HowToRaise(string property) =>
        $"(InputLimits.{property}; a host that trusts the input can raise it)";

    private static int AtLeastOne(int value, [System.Runtime.CompilerServices.CallerMemberName] string? name = null) =>
        value >= 1 ? value : throw new ArgumentOutOfRangeException(name, value, $"InputLimits.{name} must be at least 1.");

    private static int InRange(int value, int ceiling, [System.Runtime.CompilerServices.CallerMemberName] string? name = null) =>
        value >= 1 && value <= ceiling
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"InputLimits.{name} must be from 1 to {ceiling}; deeper or longer input could overflow the stack.");
}
