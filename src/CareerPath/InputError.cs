namespace CareerPath;

/// <summary>
/// One problem found in a rule pack or student file: where it is, what is wrong and how to fix it.
/// </summary>
/// <remarks>
/// Messages never contain a student's personal data; a student is named by id only.
/// <see cref="ToString"/> gives the conventional <c>file:line:column: message</c> form.
/// </remarks>
/// <param name="File">The file (or source name) the problem is in.</param>
/// <param name="Line">1-based line, or 0 when the problem concerns the file as a whole.</param>
/// <param name="Column">1-based column, or 0 when the problem concerns the file as a whole.</param>
/// <param name="Message">What was expected and what to change, in one or two sentences.</param>
public sealed record InputError(string File, int Line, int Column, string Message)
{
    /// <summary>The id of the rule (or catalogue entry) the problem is in, when there is one.</summary>
    public string? Id { get; init; }

    /// <summary>The key or field the problem is in, when there is one (for example <c>when</c> or <c>year</c>).</summary>
    public string? Field { get; init; }

    /// <summary>
    /// For a warning from <see cref="RulePackValidator"/>: its kind, one of <c>unknown-id</c>,
    /// <c>never-fires</c>, <c>contradiction</c>, <c>duplicate-step</c>, <c>unused-entry</c>; null for errors.
    /// </summary>
    public string? Code { get; init; }

    /// <summary>Formats the error as <c>file:line:column: message</c>.</summary>
    /// <returns>The formatted error.</returns>
    public override string ToString() =>
        Line > 0 ? $"{File}:{Line}:{Column}: {Message}" : $"{File}: {Message}";
}
