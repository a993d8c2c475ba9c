using System.CommandLine;

namespace CareerPath.Samples.Cli;

/// <summary><c>careerpath plan student.yaml [--rules pack/]... [--lang zh-CN] [--format json]</c>.</summary>
internal static class PlanCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var student = new Argument<string>("student-file")
        {
            Description = "The student's record: a .yaml, .yml or .json file (docs/student-format.md).",
        };
        var rules = CommonOptions.Rules();
        var language = CommonOptions.Language();
        var format = new Option<string>("--format", "-f")
        {
            Description = "text for people, json for programs, markdown for reports, html for a printable page.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json", "markdown", "html");

        var command = new Command("plan", "Print a student's full-course career plan, phase by phase.") { student, rules, language, format };
        command.SetAction(parsed => Run(
            parsed.GetRequiredValue(student),
            parsed.GetValue(rules) ?? [],
            parsed.GetValue(language),
            parsed.GetRequiredValue(format),
            output,
            error));
        return command;
    }

    private static int Run(string studentFile, string[] rulePaths, string? language, string format, TextWriter output, TextWriter error)
    {
        if (CommonOptions.LoadRules(rulePaths, error) is not { } ruleSet || !CommonOptions.CheckLanguage(ruleSet, language, error))
        {
            return ExitCodes.InvalidInput;
        }

        StudentProfile student;
        try
        {
            student = StudentProfileReader.ReadFile(studentFile, ruleSet);
        }
        catch (StudentProfileException exception)
        {
            return CommonOptions.Report(error, exception.Errors, "No plan was made");
        }

        CareerPlan plan;
        try
        {
            plan = new CareerPlanner(ruleSet).Plan(student, new PlanOptions { Language = language });
        }
        catch (StudentProfileException exception)
        {
            return CommonOptions.Report(error, exception.Errors, "No plan was made");
        }

        switch (format)
        {
            case "json":
                PlanJson.Write(plan, output);
                break;
            case "markdown":
                output.Write(PlanMarkdown.Render(plan));
                break;
            case "html":
                output.Write(PlanHtml.Render(plan));
                break;
            default:
                if (TerminalColours.Enabled(output))
                {
                    using var text = new StringWriter();
                    PlanText.Write(plan, text);
                    TerminalColours.Write(text.ToString().TrimEnd());
                }
                else
                {
                    PlanText.Write(plan, output);
                }

                break;
        }

        foreach (var diagnostic in plan.Diagnostics)
        {
            error.WriteLine($"warning: {diagnostic.Message}");
        }

        return ExitCodes.Ok;
    }
}
