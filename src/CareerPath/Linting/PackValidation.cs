namespace CareerPath;

/// <summary>
/// What <see cref="RulePackValidator.Validate(IEnumerable{string})"/> found: every load error, and the warnings of a pack
/// that loads but has something worth a second look. Immutable.
/// </summary>
public sealed record PackValidation
{
    /// <summary>The loaded pack, or null when it has errors.</summary>
    public RuleSet? RuleSet { get; init; }

    /// <summary>Every error that keeps the pack from loading, in file order; empty when it loads.</summary>
    public required IReadOnlyList<InputError> Errors { get; init; }

    /// <summary>Warnings (each with its <see cref="InputError.Code"/>), in file order; only for a pack that loads.</summary>
    public required IReadOnlyList<InputError> Warnings { get; init; }

    /// <summary>True when the pack loads with neither errors nor warnings.</summary>
    public bool IsClean => Errors.Count == 0 && Warnings.Count == 0;
}
