namespace CareerPath.Yaml;

/// <summary>
/// Collects every problem found in one or more files, so they are all reported at once, up to
/// <see cref="InputLimits.MaxErrors"/>: past it the problems are counted, and the list ends with one
/// error that says how many more there were.
/// </summary>
internal sealed class InputErrorList(int maxErrors)
{
    private readonly List<InputError> _errors = [];
    private int _dropped;
    private string? _droppedFile;

    public InputErrorList()
        : this(InputLimits.Default.MaxErrors)
    {
    }

    public InputErrorList(InputLimits limits)
        : this(limits.MaxErrors)
    {
    }

    /// <summary>Every problem found, including those past the limit that are only counted.</summary>
    public int Count => _errors.Count + _dropped;

    /// <summary>The problems kept, in the order they were found, with the count of the rest at the end.</summary>
    public IReadOnlyList<InputError> ToList() => Finish(_errors);

    /// <summary>The problems kept in file order (as <paramref name="fileOrder"/> ranks files), then line and column, with the count of the rest at the end.</summary>
    public IReadOnlyList<InputError> ToList(Func<string, int> fileOrder) =>
        Finish(_errors.OrderBy(e => fileOrder(e.File)).ThenBy(e => e.Line).ThenBy(e => e.Column));

    public void AddRange(InputErrorList other)
    {
        foreach (var error in other._errors)
        {
            Add(error);
        }

        _dropped += other._dropped;
        _droppedFile ??= other._droppedFile;
    }

    public void Add(string file, YamlNode node, string message, string? id = null, string? field = null) =>
        Add(file, node.Line, node.Column, message, id, field);

    public void Add(string file, int line, int column, string message, string? id = null, string? field = null) =>
        Add(new InputError(file, line, column, message) { Id = id, Field = field });

    private void Add(InputError error)
    {
        if (_errors.Count < maxErrors)
        {
            _errors.Add(error);
            return;
        }

        _dropped++;
        _droppedFile ??= error.File;
    }

    private IReadOnlyList<InputError> Finish(IEnumerable<InputError> kept) =>
        _dropped == 0
            ? [.. kept]
            : [.. kept, new InputError(_droppedFile!, 0, 0,
                $"{_dropped:N0} more problems are not listed: only the first {maxErrors:N0} are {InputLimits.HowToRaise(nameof(InputLimits.MaxErrors))}. Fix these and load again to see the rest.")];
}
