namespace CareerPath.Catalogue;

/// <param name="Level">elementary, intermediate, advanced or none.</param>
/// <param name="Credits">Credit-bank credits the certificate converts to; 0 when not stated.</param>
/// <param name="Includes">Certificates a holder of this one is taken to hold too (the lower levels of the same certificate).</param>
internal sealed record Certificate(string Id, LocalizedText Name, string Level, double Credits, IReadOnlyList<string> Includes);
