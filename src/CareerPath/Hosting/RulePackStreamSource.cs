namespace CareerPath;

/// <summary>A rule pack file read from a stream, added with <see cref="CareerPathOptions.AddRulePackStream"/>.</summary>
/// <param name="Name">What errors call the file, for example the resource's name.</param>
/// <param name="Open">Opens the stream when the pack loads; the stream is read as UTF-8 and disposed.</param>
public sealed record RulePackStreamSource(string Name, Func<Stream> Open);
