using System.Net;
using Markdig;

namespace CareerPath.Samples.Cli;

/// <summary>The plan as one self-contained, printable HTML page (no scripts, no external files): the Markdown form, rendered by Markdig.</summary>
internal static class PlanHtml
{
    // Raw HTML in pack texts is not passed through: the page shows exactly the plan's words.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseTaskLists().DisableHtml().Build();

    private const string Style = """
        body { font-family: "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #1f2328; }
        h1 { border-bottom: 2px solid #0b6e4f; padding-bottom: .3rem; }
        h2 { margin-top: 2rem; color: #0b6e4f; }
        ul { padding-left: 1.2rem; }
        li { margin: .35rem 0; }
        li.task-list-item { list-style: none; }
        strong { color: #8a1c1c; }
        em { color: #57606a; }
        @media print { body { margin: 0; max-width: none; font-size: 10.5pt; } h2 { break-after: avoid; } li { break-inside: avoid; } }
        """;

    public static string Render(CareerPlan plan)
    {
        var body = Markdown.ToHtml(PlanMarkdown.Render(plan), Pipeline);
        var title = WebUtility.HtmlEncode(plan.Language.StartsWith("zh", StringComparison.Ordinal) ? $"职业生涯规划 · {plan.StudentId}" : $"Career plan · {plan.StudentId}");
        return $"""
            <!DOCTYPE html>
            <html lang="{WebUtility.HtmlEncode(plan.Language)}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{title}</title>
            <style>
            {Style}
            </style>
            </head>
            <body>
            {body}
            </body>
            </html>
            """;
    }
}
