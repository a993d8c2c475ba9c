namespace CareerPath.RulePacks;

/// <summary>Where something was defined: file, line and column.</summary>
internal sealed record SourcePlace(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}
