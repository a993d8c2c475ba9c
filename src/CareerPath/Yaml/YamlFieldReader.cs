using System.Globalization;
using System.Text.RegularExpressions;

namespace CareerPath.Yaml;

/// <summary>
/// Reads typed fields out of YAML nodes for one file, adding an error that names the place,
/// the field and what is allowed whenever a value does not fit; never throws.
/// </summary>
internal sealed partial class YamlFieldReader(string file, InputErrorList errors)
{
    public string File { get; } = file;

    public InputErrorList Errors { get; } = errors;

    /// <summary>
    /// Whether messages may quote the value found. False for student records: their values are
    /// personal data, and the line and column already show the author where to look.
    /// </summary>
    public bool QuoteValues { get; init; } = true;

    /// <summary>What a node is, for "but this is ..." in a message; the value itself only when <see cref="QuoteValues"/>.</summary>
    public string Shown(YamlNode node) => QuoteValues || node is not YamlScalar { IsNull: false } ? node.Describe() : "a value of another kind";

    public void Error(YamlNode node, string message, string? id = null, string? field = null) =>
        Errors.Add(File, node, message, id, field);

    /// <summary>Returns the node as a mapping whose keys are all in <paramref name="knownKeys"/>, reporting any other key.</summary>
    public YamlMapping? Mapping(YamlNode? node, string what, IReadOnlyCollection<string> knownKeys, string? id = null)
    {
        if (node is null)
        {
            return null;
        }

        if (node is not YamlMapping mapping)
        {
            Error(node, $"{what} should be a mapping of keys to values, but this is {Shown(node)}.", id);
            return null;
        }

        foreach (var entry in mapping.Entries)
        {
            if (!knownKeys.Contains(entry.Key.Value))
            {
                // A record's unknown key may be data typed into the wrong place: it is not repeated.
                Error(entry.Key, QuoteValues
                    ? $"unknown key '{entry.Key.Value}' in {what}.{Suggestion.Hint(entry.Key.Value, knownKeys)}"
                    : $"unknown key in {what}.{Suggestion.Hint(entry.Key.Value, knownKeys)}", id, QuoteValues ? entry.Key.Value : null);
            }
        }

        return mapping;
    }

    public YamlSequence? Sequence(YamlNode? node, string what, string? id = null)
    {
        if (node is null || node is YamlScalar { IsNull: true })
        {
            return null;
        }

        if (node is not YamlSequence sequence)
        {
            Error(node, $"{what} should be a list (items starting with '- ', or [a, b]), but this is {Shown(node)}.", id);
            return null;
        }

        return sequence;
    }

    /// <summary>Reports a missing required key against the mapping that should hold it.</summary>
    public YamlNode? Get(YamlMapping mapping, string key, bool required, string what, string? id = null)
    {
        var node = mapping[key];
        if (node is null && required)
        {
            Error(mapping, $"{what} has no '{key}'; add it.", id, key);
        }

        return node;
    }

    public string? String(YamlMapping mapping, string key, bool required, string what, string? id = null)
    {
        var node = Get(mapping, key, required, what, id);
        return node is null ? null : String(node, key, what, id);
    }

    public string? String(YamlNode node, string key, string what, string? id = null)
    {
        if (node is YamlScalar scalar && !scalar.IsNull)
        {
            return scalar.Value;
        }

        Error(node, $"'{key}' of {what} should be a text, but this is {Shown(node)}.", id, key);
        return null;
    }

    /// <summary>Reads an id: lowercase letters, digits and '-' (and '+' where <paramref name="allowPlus"/>).</summary>
    public string? Id(YamlMapping mapping, string key, bool required, string what, string? id = null, bool allowPlus = false)
    {
        var node = Get(mapping, key, required, what, id);
        return node is null ? null : Id(node, key, what, id, allowPlus);
    }

    public string? Id(YamlNode node, string key, string what, string? id = null, bool allowPlus = false)
    {
        var value = String(node, key, what, id);
        if (value is null)
        {
            return null;
        }

        if (!(allowPlus ? PathwayIdPattern() : IdPattern()).IsMatch(value))
        {
            Error(node, $"'{value}' is not a valid id for '{key}' of {what}: use lowercase letters, digits and '-'"
                + (allowPlus ? " or '+'" : string.Empty) + ", for example 'computer-network-technology'.", id, key);
            return null;
        }

        return value;
    }

    public int? Int(YamlMapping mapping, string key, bool required, string what, int min, int max, string? id = null)
    {
        var node = Get(mapping, key, required, what, id);
        return node is null ? null : Int(node, key, what, min, max, id);
    }

    public int? Int(YamlNode node, string key, string what, int min, int max, string? id = null)
    {
        if (node is YamlScalar { IsQuoted: false } scalar
            && int.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            if (value >= min && value <= max)
            {
                return value;
            }

            Error(node, QuoteValues ? $"'{key}' of {what} is {value}, but it must be from {min} to {max}." : $"'{key}' of {what} must be from {min} to {max}.", id, key);
            return null;
        }

        Error(node, $"'{key}' of {what} should be a whole number from {min} to {max}, but this is {Shown(node)}.", id, key);
        return null;
    }

    public double? Number(YamlMapping mapping, string key, bool required, string what, double min, double max, string? id = null)
    {
        var node = Get(mapping, key, required, what, id);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalar { IsQuoted: false } scalar
            && double.TryParse(scalar.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && double.IsFinite(value))
        {
            if (value >= min && value <= max)
            {
                return value;
            }

            var range = $"from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}";
            Error(node, QuoteValues ? $"'{key}' of {what} is {scalar.Value}, but it must be {range}." : $"'{key}' of {what} must be {range}.", id, key);
            return null;
        }

        Error(node, $"'{key}' of {what} should be a number, but this is {Shown(node)}.", id, key);
        return null;
    }

    public bool? Bool(YamlMapping mapping, string key, bool required, string what, string? id = null)
    {
        var node = Get(mapping, key, required, what, id);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalar { IsQuoted: false } scalar)
        {
            switch (scalar.Value)
            {
                case "true" or "True" or "TRUE":
                    return true;
                case "false" or "False" or "FALSE":
                    return false;
            }
        }

        Error(node, $"'{key}' of {what} should be true or false, but this is {Shown(node)}.", id, key);
        return null;
    }

    /// <summary>Reads a list of texts; a single text is not accepted so that lists always look like lists.</summary>
    public IReadOnlyList<(string Value, YamlNode Node)> StringList(YamlMapping mapping, string key, string what, string? id = null)
    {
        var sequence = Sequence(mapping[key], $"'{key}' of {what}", id);
        if (sequence is null)
        {
            return [];
        }

        var values = new List<(string, YamlNode)>(sequence.Items.Count);
        foreach (var item in sequence.Items)
        {
            var value = String(item, key, what, id);
            if (value is not null)
            {
                values.Add((value, item));
            }
        }

        return values;
    }

    /// <summary>Checks a value against a fixed set of words, suggesting the closest one.</summary>
    public string? OneOf(YamlNode node, string value, string key, string what, IReadOnlyCollection<string> allowed, string? id = null)
    {
        if (allowed.Contains(value))
        {
            return value;
        }

        Error(node, $"'{value}' is not a known value for '{key}' of {what}.{Suggestion.Hint(value, allowed)}", id, key);
        return null;
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[a-z0-9]+([-+][a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex PathwayIdPattern();
}
