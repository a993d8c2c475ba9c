namespace CareerPath.Yaml;

/// <summary>A scalar: a string, number, boolean or null as written in the file.</summary>
internal sealed class YamlScalar(int line, int column, string value, bool isQuoted) : YamlNode(line, column)
{
    public string Value { get; } = value;

    /// <summary>Quoted scalars are always strings, never null, numbers or booleans.</summary>
    public bool IsQuoted { get; } = isQuoted;

    /// <summary>Column where the value's own characters begin (after an opening quote).</summary>
    public int ContentColumn => IsQuoted ? Column + 1 : Column;

    public bool IsNull => !IsQuoted && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string Describe() => IsNull ? "nothing (null)" : $"'{Value}'";
}
