namespace CareerPath;

/// <summary>Options for one plan.</summary>
public sealed record PlanOptions
{
    /// <summary>The default options: the pack's first language (English in the default pack).</summary>
    public static readonly PlanOptions Default = new();

    /// <summary>The language of the plan's texts, one of the pack's languages (<c>en</c> or <c>zh-CN</c> in the default pack); null for the pack's first.</summary>
    public string? Language { get; init; }

    /// <summary>
    /// Whether a rule that fails while it is evaluated (a condition that throws for this student) fails
    /// the plan with a <see cref="RuleFaultException"/>. Default <see langword="false"/>: the fault is a
    /// <c>rule-fault</c> entry in <see cref="CareerPlan.Diagnostics"/>, the condition counts as false and
    /// the rest of the plan is made. Turn it on in a pack's tests and CI, where a fault should stop the run.
    /// </summary>
    public bool Strict { get; init; }
}
