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
    private readonly FrozenDictionary<string, StepDue[]> _dues;
    private readonly FrozenDictionary<string, IReadOnlyList<PlanStage>[]> _stages;

    public TimelineLabels(Pathway pathway, IReadOnlyList<string> languages)
    {
        _byLanguage = Labels(pathway, languages);
        _dues = _byLanguage.ToFrozenDictionary(pair => pair.Key, pair => Dues(pathway, pair.Value), StringComparer.Ordinal);
        _stages = _byLanguage.ToFrozenDictionary(pair => pair.Key, pair => StageLists(pathway, pair.Key, pair.Value.Length), StringComparer.Ordinal);
    }

    public string this[int index, string language] =>
        (_byLanguage.TryGetValue(language, out var labels) ? labels : _byLanguage["en"])[Math.Clamp(index, 0, _byLanguage["en"].Length - 1)];

    /// <summary>Every timeline point's <see cref="StepDue"/> in <paramref name="language"/>, by index; one shared instance each, made at load.</summary>
    public StepDue[] Dues(string language) => _dues.TryGetValue(language, out var dues) ? dues : _dues["en"];

    /// <summary>The pathway's stages with their status for a student at timeline index <paramref name="now"/>, made at load.</summary>
    public IReadOnlyList<PlanStage> Stages(int now, string language)
    {
        var lists = _stages.TryGetValue(language, out var found) ? found : _stages["en"];
        return lists[Math.Clamp(now, 0, lists.Length - 1)];
    }

    private static StepDue[] Dues(Pathway pathway, string[] labels)
    {
        var dues = new StepDue[labels.Length];
        for (var index = 0; index < dues.Length; index++)
        {
            if (index < pathway.TotalTerms)
            {
                var (stage, year, term) = Locate(pathway, index);
                dues[index] = new StepDue { Label = labels[index], TimelineIndex = index, Stage = stage.Stage, Year = year, Term = term };
            }
            else
            {
                dues[index] = new StepDue { Label = labels[index], TimelineIndex = index, AfterGraduationMonths = pathway.MonthsAtSlot(index) };
            }
        }

        return dues;
    }

    private static IReadOnlyList<PlanStage>[] StageLists(Pathway pathway, string language, int points)
    {
        var lists = new IReadOnlyList<PlanStage>[points];
        for (var now = 0; now < points; now++)
        {
            lists[now] = Array.AsReadOnly(pathway.Stages.Select(stage => new PlanStage(
                stage.Stage,
                Capitalized(Catalogue.Stages.Names[stage.Stage][language]),
                stage.Years,
                now >= stage.FirstTerm + stage.Terms ? PhaseStatus.Done : now >= stage.FirstTerm ? PhaseStatus.Current : PhaseStatus.Upcoming)).ToArray());
        }

        return lists;
    }

    private static string Capitalized(string text) =>
        text.Length > 0 && char.IsLower(text[0]) ? char.ToUpperInvariant(text[0]) + text[1..] : text;

    private static FrozenDictionary<string, string[]> Labels(Pathway pathway, IReadOnlyList<string> languages)
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

        return byLanguage.ToFrozenDictionary(StringComparer.Ordinal);
    }

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
            var stageName = Catalogue.Stages.Names[stage.Stage][chinese ? "zh-CN" : "en"];
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
