using System.Collections.Frozen;
using System.Globalization;
using CareerPath.Catalogue;

namespace CareerPath.Planning;

/// <summary>
/// The words for every point of one pathway's timeline in every language, made once at load so
/// that a plan only looks them up.
/// </summary>
internal sealed class TimelineLabels
{
    private readonly FrozenDictionary<string, string[]> _byLanguage;

    public TimelineLabels(Pathway pathway, IReadOnlyList<string> languages)
    {
        var slots = pathway.TotalTerms + 1 + pathway.FollowUpMonths.Count;
        var byLanguage = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var language in languages.Append("en").Distinct())
        {
            var labels = new string[slots];
            for (var index = 0; index < slots; index++)
            {
                labels[index] = Describe(pathway, index, language);
            }

            byLanguage[language] = labels;
        }

        _byLanguage = byLanguage.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public string this[int index, string language] =>
        (_byLanguage.TryGetValue(language, out var labels) ? labels : _byLanguage["en"])[Math.Clamp(index, 0, _byLanguage["en"].Length - 1)];

    /// <summary>The stage, year and term of a timeline index before graduation.</summary>
    public static (PathwayStage Stage, int Year, int Term) Locate(Pathway pathway, int index)
    {
        foreach (var stage in pathway.Stages)
        {
            if (index >= stage.FirstTerm && index < stage.FirstTerm + stage.Terms)
            {
                var offset = index - stage.FirstTerm;
                return (stage, (offset / 2) + 1, (offset % 2) + 1);
            }
        }

        throw new ArgumentOutOfRangeException(nameof(index), index, "The index is not a term of the pathway.");
    }

    private static string Describe(Pathway pathway, int index, string language)
    {
        var chinese = CareerPhases.IsChinese(language);
        if (index < pathway.TotalTerms)
        {
            var (stage, year, term) = Locate(pathway, index);
            var stageName = Stages.Names[stage.Stage][chinese ? "zh-CN" : "en"];
            return chinese
                ? string.Create(CultureInfo.InvariantCulture, $"{stageName}第{year}学年第{term}学期")
                : string.Create(CultureInfo.InvariantCulture, $"{char.ToUpperInvariant(stageName[0])}{stageName[1..]}, year {year}, term {term}");
        }

        var months = pathway.MonthsAtSlot(index);
        if (months == 0)
        {
            return chinese ? "毕业时" : "At graduation";
        }

        return chinese
            ? string.Create(CultureInfo.InvariantCulture, $"毕业后{months}个月")
            : string.Create(CultureInfo.InvariantCulture, $"{months} month{(months == 1 ? string.Empty : "s")} after graduation");
    }
}
