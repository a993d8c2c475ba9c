namespace CareerPath.Samples.Batch;

/// <summary>What a batch ran on, for the head of its summary.</summary>
/// <param name="Input">The cohort file or folder, as given.</param>
/// <param name="Pack">The rule pack's name and version.</param>
/// <param name="Language">The plans' language.</param>
/// <param name="Output">Where the plans went, in words.</param>
/// <param name="Elapsed">How long the batch took.</param>
internal sealed record BatchRun(string Input, string Pack, string Language, string Output, TimeSpan Elapsed);
