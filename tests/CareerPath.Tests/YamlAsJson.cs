using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CareerPath.Tests;

/// <summary>
/// Turns a YAML document into the JSON that a YAML language server validates: plain scalars
/// typed by the YAML 1.2 core schema (<c>3</c> a number, <c>true</c> a boolean, <c>~</c> a null),
/// quoted and block scalars always strings.
/// </summary>
internal static partial class YamlAsJson
{
    private const string CoreTag = "tag:yaml.org,2002:";

    /// <summary>The document's root as JSON; null for an empty document (YAML's null).</summary>
    public static JsonNode? Convert(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Count == 0 ? null : Convert(stream.Documents[0].RootNode);
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(entry =>
            KeyValuePair.Create(((YamlScalarNode)entry.Key).Value ?? string.Empty, Convert(entry.Value)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(Convert)]),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new NotSupportedException($"a YAML {node.NodeType} node at {node.Start} has no JSON form."),
    };

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded
            || scalar.Tag.IsNonSpecific)
        {
            return JsonValue.Create(text);
        }

        // An explicit core tag (!!str 3) says the type; a plain scalar is resolved by its text.
        var type = scalar.Tag.IsEmpty ? null : scalar.Tag.Value;
        return type switch
        {
            null => Resolve(text),
            CoreTag + "str" => JsonValue.Create(text),
            CoreTag + "null" or CoreTag + "bool" or CoreTag + "int" or CoreTag + "float" => Resolve(text),
            _ => JsonValue.Create(text),
        };
    }

    /// <summary>The YAML 1.2 core schema's resolution of a plain scalar (yaml.org/spec/1.2.2, 10.3.2).</summary>
    private static JsonNode? Resolve(string text)
    {
        if (NullPattern().IsMatch(text))
        {
            return null;
        }

        if (BoolPattern().IsMatch(text))
        {
            return JsonValue.Create(text is "true" or "True" or "TRUE");
        }

        if (DecimalIntPattern().IsMatch(text))
        {
            return Integer(BigInteger.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
        }

        if (OctalIntPattern().IsMatch(text))
        {
            return Integer(text[2..].Aggregate(BigInteger.Zero, (value, digit) => (value * 8) + (digit - '0')));
        }

        if (HexIntPattern().IsMatch(text))
        {
            return Integer(BigInteger.Parse("0" + text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
        }

        // JSON has no infinity or NaN (.inf, .nan), so those stay the text they are written as.
        return FloatPattern().IsMatch(text)
            ? JsonValue.Create(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture))
            : JsonValue.Create(text);
    }

    private static JsonNode Integer(BigInteger value) =>
        value >= long.MinValue && value <= long.MaxValue ? JsonValue.Create((long)value) : JsonNode.Parse(value.ToString(CultureInfo.InvariantCulture))!;

    [GeneratedRegex("^(|~|null|Null|NULL)$")]
    private static partial Regex NullPattern();

    [GeneratedRegex("^(true|True|TRUE|false|False|FALSE)$")]
    private static partial Regex BoolPattern();

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex DecimalIntPattern();

    [GeneratedRegex("^0o[0-7]+$")]
    private static partial Regex OctalIntPattern();

    [GeneratedRegex("^0x[0-9a-fA-F]+$")]
    private static partial Regex HexIntPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
