namespace CareerPath.Yaml;

/// <summary>Collects every problem found in one or more files, so they are all reported at once.</summary>
internal sealed class InputErrorList
{
    private readonly List<InputError> _errors = [];

    public int Count => _errors.Count;

    public IReadOnlyList<InputError> ToList() => [.. _errors];

    public void AddRange(InputErrorList other) => _errors.AddRange(other._errors);

    public void Add(string file, YamlNode node, string message, string? id = null, string? field = null) =>
        Add(file, node.Line, node.Column, message, id, field);

    public void Add(string file, int line, int column, string message, string? id = null, string? field = null) =>
        _errors.Add(new InputError(file, line, column, message) { Id = id, Field = field });
}
