namespace CareerPath;

/// <summary>
/// What running scenario files gave: each scenario's result, and the problems that kept a file or a
/// scenario from running at all. Immutable; made by <see cref="ScenarioRunner.Run"/>.
/// </summary>
public sealed record ScenarioReport
{
    /// <summary>Every scenario that ran, in file order.</summary>
    public required IReadOnlyList<ScenarioResult> Results { get; init; }

    /// <summary>Mistakes in the scenario files (or the student records they name), each with its place; those scenarios did not run.</summary>
    public required IReadOnlyList<InputError> Errors { get; init; }

    /// <summary>True when every scenario ran and passed.</summary>
    public bool Passed => Errors.Count == 0 && Results.All(r => r.Passed);
}

/// <summary>One scenario's outcome.</summary>
public sealed record ScenarioResult
{
    /// <summary>The scenario file.</summary>
    public required string File { get; init; }

    /// <summary>The 1-based line where the scenario starts.</summary>
    public required int Line { get; init; }

    /// <summary>The scenario's name.</summary>
    public required string Name { get; init; }

    /// <summary>Each expectation that did not hold, in words; empty when the scenario passed.</summary>
    public required IReadOnlyList<string> Failures { get; init; }

    /// <summary>True when every expectation held.</summary>
    public bool Passed => Failures.Count == 0;
}
