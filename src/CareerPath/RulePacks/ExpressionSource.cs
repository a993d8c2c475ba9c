namespace CareerPath.RulePacks;

/// <summary>A condition's text and where its first character stands, so that parse errors point at the right column.</summary>
internal sealed record ExpressionSource(string Text, string File, int Line, int Column, bool IsSingleLine);
