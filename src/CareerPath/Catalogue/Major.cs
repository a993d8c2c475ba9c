namespace CareerPath.Catalogue;

/// <param name="Level">secondary-vocational, higher-vocational or undergraduate.</param>
/// <param name="ArticulatesTo">The major of the next level this one leads to (secondary vocational to higher vocational, higher vocational to undergraduate), or null.</param>
/// <param name="Transfer">What the move into <paramref name="ArticulatesTo"/> needs (exam, credits, grades), or null.</param>
internal sealed record Major(string Id, LocalizedText Name, string Level, string? ArticulatesTo, IReadOnlyList<string> Pathways, LocalizedText? Transfer);
