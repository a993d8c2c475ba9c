using System.Collections.Frozen;

namespace CareerPath.Catalogue;

/// <summary>The stage ids CareerPath knows and their names.</summary>
internal static class Stages
{
    public const string SecondaryVocational = "secondary-vocational";
    public const string HigherVocational = "higher-vocational";
    public const string Undergraduate = "undergraduate";
    public const string Graduate = "graduate";
    public const string Graduated = "graduated";

    /// <summary>Stages a pathway can be made of.</summary>
    public static readonly string[] PathwayStages = [SecondaryVocational, HigherVocational, Undergraduate];

    /// <summary>Stages a student can be in.</summary>
    public static readonly IReadOnlyList<string> StudentStages = [SecondaryVocational, HigherVocational, Undergraduate, Graduate, Graduated];

    public static readonly FrozenDictionary<string, LocalizedText> Names = new Dictionary<string, LocalizedText>
    {
        [SecondaryVocational] = LocalizedText.Of("secondary vocational", "中职"),
        [HigherVocational] = LocalizedText.Of("higher vocational", "高职"),
        [Undergraduate] = LocalizedText.Of("undergraduate", "本科"),
        [Graduate] = LocalizedText.Of("master's study", "研究生"),
        [Graduated] = LocalizedText.Of("graduated", "已毕业"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static bool IsAfterPathway(string stage) => stage is Graduated or Graduate;
}
