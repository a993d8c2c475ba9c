using System.Globalization;
using CareerPath.Catalogue;

namespace CareerPath.Planning;

/// <summary>The values of text placeholders (<c>{major}</c>, <c>{stage}</c>, ...) for one student.</summary>
/// <param name="bestPosition">The position that fits the student best, or null when the major has none.</param>
internal sealed class PlanTemplateValues(StudentProfile student, Major major, Major? articulated, Pathway pathway, string nextStage, PositionFit? bestPosition) : ITemplateValues
{
    public string Value(string placeholder, string language) => placeholder switch
    {
        "major" => major.Name[language],
        "articulatedMajor" => (articulated ?? major).Name[language],
        "pathway" => pathway.Name[language],
        "stage" => StageName(student.Stage, language),
        "nextStage" => nextStage.Length > 0 ? StageName(nextStage, language) : (CareerPhases.IsChinese(language) ? "工作岗位" : "work"),
        "year" => student.Year.ToString(CultureInfo.InvariantCulture),
        "bestPosition" => bestPosition?.Name ?? major.Name[language],
        _ => string.Empty,
    };

    private static string StageName(string stage, string language) =>
        Stages.Names.TryGetValue(stage, out var name) ? name[language] : stage;
}

/// <summary>The values of a <c>forEach</c> step: the item's placeholders, then the student's.</summary>
internal sealed class ItemTemplateValues(ITemplateValues student, PositionGap gap) : ITemplateValues
{
    public string Value(string placeholder, string language) => placeholder switch
    {
        "skill" or "certificate" => gap.Name,
        "level" => (gap.Level ?? 0).ToString(CultureInfo.InvariantCulture),
        "needed" => (gap.Needed ?? 0).ToString(CultureInfo.InvariantCulture),
        "position" => gap.PositionName,
        "closedBy" => gap.ClosedByText,
        _ => student.Value(placeholder, language),
    };
}
