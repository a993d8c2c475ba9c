namespace CareerPath;

/// <summary>Options for one plan.</summary>
public sealed record PlanOptions
{
    /// <summary>The default options: the pack's first language (English in the default pack).</summary>
    public static readonly PlanOptions Default = new();

    /// <summary>The language of the plan's texts, one of the pack's languages (<c>en</c> or <c>zh-CN</c> in the default pack); null for the pack's first.</summary>
    public string? Language { get; init; }
}
