using System.CommandLine;
using System.Diagnostics;
using System.Text;
using CareerPath.Samples.Batch;

namespace CareerPath.Samples.Cli;

/// <summary>
/// <c>careerpath batch cohort.csv --out dir [--format json|text|jsonl]</c>: a plan for every student of a
/// cohort, and a summary of the cohort (docs/cohort-format.md).
/// </summary>
internal static class BatchCommand
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static Command Create(TextWriter output, TextWriter error)
    {
        var input = new Argument<string>("cohort")
        {
            Description = "A cohort CSV file, one row per student (docs/cohort-format.md), or a folder of student records (.yaml, .yml, .json).",
        };
        var folder = new Option<string>("--out", "-o")
        {
            Description = "The folder for the plans, summary.md and phases.png; made when missing. Files of an earlier batch with the same names are replaced.",
            HelpName = "dir",
            Required = true,
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "json or text: one file per student, <id>.json or <id>.txt; jsonl: every plan in one plans.jsonl, one per line, in input order.",
            DefaultValueFactory = _ => "json",
        };
        format.AcceptOnlyFromAmong("json", "text", "jsonl");
        var language = CommonOptions.Language();
        var rules = CommonOptions.Rules();

        var command = new Command("batch", "Plan a whole cohort from a CSV file or a folder of records, and summarise it.") { input, folder, format, language, rules };
        command.SetAction(parsed => Run(
            parsed.GetRequiredValue(input),
            parsed.GetRequiredValue(folder),
            parsed.GetRequiredValue(format),
            parsed.GetValue(rules) ?? [],
            parsed.GetValue(language),
            output,
            error));
        return command;
    }

    private static int Run(string input, string folder, string format, string[] rulePaths, string? language, TextWriter output, TextWriter error)
    {
        if (CommonOptions.LoadRules(rulePaths, error) is not { } ruleSet || !CommonOptions.CheckLanguage(ruleSet, language, error))
        {
            return ExitCodes.InvalidInput;
        }

        if (!Directory.Exists(input) && Path.GetExtension(input).ToUpperInvariant() is ".YAML" or ".YML" or ".JSON")
        {
            error.WriteLine($"careerpath: {input}: batch reads a CSV file or a folder of records; for one student, use 'careerpath plan {input}'.");
            return ExitCodes.InvalidInput;
        }

        ICohortSource source;
        try
        {
            source = Directory.Exists(input) ? CohortFolderReader.Open(input, ruleSet) : CohortCsvReader.Open(input);
            Directory.CreateDirectory(folder);
        }
        catch (CohortInputException exception)
        {
            error.WriteLine(exception.Message);
            error.WriteLine("No plans were made.");
            return ExitCodes.InvalidInput;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"careerpath: --out {folder}: the folder cannot be made ({exception.Message}).");
            return ExitCodes.InvalidInput;
        }

        using (source)
        {
            try
            {
                return Run(source, input, folder, format, ruleSet, language, output, error);
            }
            catch (CohortInputException exception)
            {
                // The input broke off part way: plans.jsonl was never moved into place, summary.md never
                // written; each <id>.json or <id>.txt already written is whole.
                error.WriteLine(exception.Message);
                error.WriteLine("The batch stopped: no summary was written.");
                return ExitCodes.InvalidInput;
            }
        }
    }

    private static int Run(ICohortSource source, string input, string folder, string format, RuleSet ruleSet, string? language, TextWriter output, TextWriter error)
    {
        var started = Stopwatch.GetTimestamp();
        var options = new PlanOptions { Language = language };
        CohortSummary summary;
        string written;
        using (IPlanWriter writer = format == "jsonl" ? new PlanLinesWriter(folder) : new PlanFilesWriter(folder, format))
        {
            var batch = new CohortBatch(new CareerPlanner(ruleSet), options, writer);
            BatchProgress.Run(BatchProgress.Wanted(), error, $"Planning {input}", source.Size, (problem, progress) =>
            {
                batch.Run(source, problem, progress);
                return batch.Summary;
            });
            writer.Complete();
            summary = batch.Summary;
            written = writer.Describe();
        }

        var run = new BatchRun(input, $"{ruleSet.Name} {ruleSet.Version}", language ?? ruleSet.Languages[0], written, Stopwatch.GetElapsedTime(started));
        var report = new CohortReport(summary, run);
        var zh = run.Language.StartsWith("zh", StringComparison.Ordinal);
        var chart = PhaseChart.TrySave(summary, Path.Combine(folder, PhaseChart.FileName), zh) ? PhaseChart.FileName : null;
        var summaryPath = Path.Combine(folder, CohortReport.FileName);
        WriteWhole(summaryPath, writer => report.WriteMarkdown(writer, chart));

        foreach (var (message, plans) in summary.Diagnostics)
        {
            error.WriteLine($"warning: {message} ({plans} plan{(plans == 1 ? string.Empty : "s")})");
        }

        report.WriteShort(output, summaryPath);
        return summary.Skipped > 0 ? ExitCodes.SomeSkipped : ExitCodes.Ok;
    }

    /// <summary>Writes a file under a temporary name and moves it into place, so it is whole or absent.</summary>
    private static void WriteWhole(string path, Action<TextWriter> write)
    {
        var temporary = path + ".tmp";
        using (var writer = new StreamWriter(temporary, append: false, Utf8))
        {
            write(writer);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
