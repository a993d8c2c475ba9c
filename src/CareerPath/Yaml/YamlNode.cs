namespace CareerPath.Yaml;

/// <summary>A node of a parsed YAML or JSON document, with the place it starts.</summary>
internal abstract class YamlNode(int line, int column)
{
    public int Line { get; } = line;

    public int Column { get; } = column;

    /// <summary>What the node is, in words a rule author knows: "a text", "a list", "a mapping".</summary>
    public abstract string Describe();
}
