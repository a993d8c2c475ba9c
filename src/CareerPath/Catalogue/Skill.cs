namespace CareerPath.Catalogue;

internal sealed record Skill(string Id, LocalizedText Name, LocalizedText Description);
