using System.Diagnostics;
using System.Text;
using Spectre.Console;

namespace CareerPath.Samples.Batch;

/// <summary>
/// A progress bar on a terminal; nothing per student when the output is redirected or in CI, so that
/// logs hold only the errors and the summary.
/// </summary>
internal static class BatchProgress
{
    /// <summary>Whether a person is watching: stdout and stderr are a terminal and CI is not set.</summary>
    public static bool Wanted() =>
        !Console.IsOutputRedirected
        && !Console.IsErrorRedirected
        && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
        && AnsiConsole.Profile.Capabilities.Interactive;

    /// <summary>
    /// Runs <paramref name="work"/>, giving it a way to report a problem (a line for stderr) and its
    /// progress (position, description) after each student. The bar is drawn on stderr, where the
    /// problems go, so that problem lines are printed above the bar instead of through it. Both are
    /// drawn at most ten times a second, problems in a block, however often they are reported.
    /// </summary>
    public static T Run<T>(bool show, TextWriter error, string title, long size, Func<Action<string>, Action<long, Func<string>>, T> work)
    {
        if (!show)
        {
            return work(error.WriteLine, static (_, _) => { });
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var task = context.AddTask(Markup.Escape(title), maxValue: Math.Max(size, 1));
                var last = 0L;
                Func<string>? latest = null;
                var problems = new StringBuilder();
                void Flush()
                {
                    if (problems.Length > 0)
                    {
                        // The bar is redrawn below the lines, but not erased first: where a line is
                        // shorter than the bar, the bar's end would show through. Erase it first.
                        console.Write(new ControlCode("\u001b[0J"));
                        console.Write(new Text(problems.ToString()));
                        problems.Clear();
                    }
                }

                var result = work(
                    line => problems.Append(line).Append('\n'),
                    (position, describe) =>
                    {
                        latest = describe;
                        var now = Stopwatch.GetTimestamp();
                        if (Stopwatch.GetElapsedTime(last, now).TotalMilliseconds >= 100)
                        {
                            last = now;
                            Flush();
                            task.Value = position;
                            task.Description = Markup.Escape(describe());
                        }
                    });
                Flush();
                task.Value = task.MaxValue;
                if (latest is not null)
                {
                    task.Description = Markup.Escape(latest());
                }

                return result;
            });
    }
}
