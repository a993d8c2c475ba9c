using System.Collections.Frozen;
using CareerPath.Catalogue;

namespace CareerPath.Planning;

/// <summary>Ids and names of the five phases.</summary>
internal static class CareerPhases
{
    public const int Count = 5;

    public static readonly IReadOnlyList<string> Ids =
        ["professional-cognition", "position-segmentation", "dedicated-study", "precise-employment", "career-rooting"];

    public static readonly IReadOnlyList<LocalizedText> Names =
    [
        LocalizedText.Of("Professional cognition", "专业认知"),
        LocalizedText.Of("Position segmentation", "职业细分"),
        LocalizedText.Of("Dedicated study", "专注学业"),
        LocalizedText.Of("Precise employment", "精准就业"),
        LocalizedText.Of("Career rooting", "扎根职业"),
    ];

    private static readonly FrozenDictionary<string, CareerPhase> ById =
        Ids.Select((id, index) => KeyValuePair.Create(id, (CareerPhase)index)).ToFrozenDictionary(StringComparer.Ordinal);

    public static string Id(this CareerPhase phase) => Ids[(int)phase];

    /// <summary>Whether the library's own words (labels, phase names, default reasons) are given in Chinese for this language.</summary>
    public static bool IsChinese(string language) => language.StartsWith("zh", StringComparison.Ordinal);

    public static bool TryParse(string id, out CareerPhase phase) => ById.TryGetValue(id, out phase);
}
