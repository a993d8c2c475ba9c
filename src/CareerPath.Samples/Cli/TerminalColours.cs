using Spectre.Console;

namespace CareerPath.Samples.Cli;

/// <summary>
/// Colour for a person at a terminal, through Spectre.Console: the current phase, steps due now and
/// overdue steps stand out, done steps fade. Piped or redirected output, <c>NO_COLOR</c>
/// and <c>TERM=dumb</c> get the plain text unchanged.
/// </summary>
internal static class TerminalColours
{
    public static bool Enabled(TextWriter output) =>
        ReferenceEquals(output, Console.Out)
        && !Console.IsOutputRedirected
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
        && !string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal);

    /// <summary>Writes the plain plan text with each line styled by what it is.</summary>
    public static void Write(string text)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        foreach (var line in text.Split('\n'))
        {
            var plain = line.TrimEnd('\r');
            var style = StyleOf(plain);
            console.MarkupLine(style is null ? Markup.Escape(plain) : $"[{style}]{Markup.Escape(plain)}[/]");
        }
    }

    private static string? StyleOf(string line) => line switch
    {
        _ when line.StartsWith(">> ", StringComparison.Ordinal) => "bold green",
        _ when line.StartsWith("== ", StringComparison.Ordinal) => "bold",
        _ when line.Contains("[NOW]", StringComparison.Ordinal) || line.Contains("[本学期]", StringComparison.Ordinal) || line.Contains("[当前]", StringComparison.Ordinal) => "bold yellow",
        _ when line.Contains("[OVERDUE]", StringComparison.Ordinal) || line.Contains("[已逾期]", StringComparison.Ordinal) => "bold red",
        _ when line.StartsWith("   [done]", StringComparison.Ordinal) || line.StartsWith("   [已完成]", StringComparison.Ordinal) => "grey",
        _ => null,
    };
}
