using System.Collections.Frozen;

namespace CareerPath.Catalogue;

/// <summary>A text in every language of the pack, keyed by language tag (<c>en</c>, <c>zh-CN</c>).</summary>
internal sealed class LocalizedText(FrozenDictionary<string, string> byLanguage)
{
    public FrozenDictionary<string, string> ByLanguage { get; } = byLanguage;

    public string this[string language] =>
        ByLanguage.TryGetValue(language, out var text) ? text : ByLanguage.Values[0];

    public static LocalizedText Of(string en, string zh) =>
        new(new Dictionary<string, string>(StringComparer.Ordinal) { ["en"] = en, ["zh-CN"] = zh }.ToFrozenDictionary(StringComparer.Ordinal));
}
