namespace CareerPath.Yaml;

/// <summary>A scalar: a string, number, boolean or null as written in the file.</summary>
internal sealed class YamlScalar(int line, int column, string value, bool isQuoted) : YamlNode(line, column)
{
    public string Value { get; } = value;

    /// <summary>Quoted scalars are always strings, never null, numbers or booleans.</summary>
    public bool IsQuoted { get; } = isQuoted;

    /// <summary>The line the scalar ends on; later than <see cref="YamlNode.Line"/> for a value written over several lines.</summary>
    public int EndLine { get; init; }

    /// <summary>A '|' or '>' block scalar, whose text starts on the line after the indicator.</summary>
    public bool IsBlock { get; init; }

    /// <summary>The value is written on one line, so a position in it maps to a column of that line.</summary>
    public bool IsSingleLine => !IsBlock && EndLine <= Line;

    /// <summary>Column where the value's own characters begin (after an opening quote).</summary>
    public int ContentColumn => IsQuoted && !IsBlock ? Column + 1 : Column;

    public bool IsNull => !IsQuoted && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string Describe() => IsNull ? "nothing (null)" : $"'{Value}'";
}
