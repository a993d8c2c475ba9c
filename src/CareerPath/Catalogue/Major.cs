namespace CareerPath.Catalogue;

/// <param name="Level">secondary-vocational, higher-vocational or undergraduate.</param>
/// <param name="ArticulatesTo">The undergraduate major this one leads to, or null.</param>
internal sealed record Major(string Id, LocalizedText Name, string Level, string? ArticulatesTo, IReadOnlyList<string> Pathways);
