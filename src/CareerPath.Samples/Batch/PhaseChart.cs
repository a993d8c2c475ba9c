using System.Globalization;

namespace CareerPath.Samples.Batch;

/// <summary>A bar chart of students per phase, as a PNG beside summary.md.</summary>
internal static class PhaseChart
{
    public const string FileName = "phases.png";

    /// <summary>Draws the chart to <paramref name="path"/> (written whole or not at all); false when it cannot be drawn here.</summary>
    public static bool TrySave(CohortSummary summary, string path, bool zh)
    {
        var phases = summary.Phases;

        // Titles in the plans' language when a font on this machine can draw them, else in English.
        var titles = phases.Select(p => p.Title).ToList();
        var title = zh ? "各阶段学生人数" : "Students per phase";
        if (zh && ScottPlot.Fonts.CountMissingGlyphs(ScottPlot.Fonts.Default, ScottPlot.Fonts.GetStandaloneCodePoints(title + string.Concat(titles))) > 0)
        {
            titles = [.. phases.Select(p => CohortSummary.EnglishTitle(p.Phase))];
            title = "Students per phase";
        }

        var temporary = path + ".tmp";
        try
        {
            var plot = new ScottPlot.Plot();
            var values = phases.Select(p => (double)p.Students).ToArray();
            var bars = plot.Add.Bars(values);
            for (var i = 0; i < bars.Bars.Count; i++)
            {
                bars.Bars[i].Label = phases[i].Students.ToString(CultureInfo.InvariantCulture);
            }

            bars.ValueLabelStyle.FontSize = 14;
            plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, titles.Count).Select(i => (double)i)], [.. titles.Select((t, i) => $"{i + 1}. {t}")]);
            plot.Axes.Bottom.MajorTickStyle.Length = 0;
            plot.Axes.Margins(bottom: 0, top: 0.15);
            plot.Title($"{title} (n = {summary.Planned})");
            plot.HideGrid();
            plot.SavePng(temporary, 960, 420);
            File.Move(temporary, path, overwrite: true);
            return true;
        }
#pragma warning disable CA1031 // A chart is a nicety: whatever stops it (no native graphics library), the summary falls back to text.
        catch (Exception)
#pragma warning restore CA1031
        {
            File.Delete(temporary);
            return false;
        }
    }
}
