using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CareerPath.Yaml;

/// <summary>
/// Reads one YAML (or JSON) document into <see cref="YamlNode"/>s that keep their line and column.
/// </summary>
/// <remarks>
/// YamlDotNet's representation model keeps the last of two equal keys and stops at the first
/// problem; authors need every duplicate reported, so the tree is built here from parser events.
/// Aliases are refused: they make documents that expand when walked. Nesting deeper than
/// <see cref="InputLimits.MaxYamlDepth"/> stops the reading at once (the tree is built recursively),
/// and a text longer than <see cref="InputLimits.MaxStringLength"/> is an error.
/// </remarks>
internal static class YamlDocumentReader
{
    /// <summary>Parses <paramref name="text"/>; returns null and adds errors when it is not a usable document.</summary>
    /// <param name="quoteKeys">Whether a message may repeat a key (false for student records, whose keys can be data).</param>
    public static YamlNode? Read(string text, string file, InputErrorList errors, InputLimits? limits = null, bool quoteKeys = true)
    {
        limits ??= InputLimits.Default;
        var errorsBefore = errors.Count;
        Parser? parser = null;
        try
        {
            // A byte order mark read as text (File.ReadAllText drops it; a string from elsewhere may not).
            parser = new Parser(new StringReader(text.StartsWith('\uFEFF') ? text[1..] : text));
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                return null;
            }

            parser.Consume<DocumentStart>();
            var root = ReadNode(parser, file, errors, limits, quoteKeys, depth: 0);
            parser.Consume<DocumentEnd>();
            if (parser.Accept<DocumentStart>(out var second))
            {
                errors.Add(file, (int)second.Start.Line, (int)second.Start.Column,
                    "this file holds more than one YAML document (a second '---'); keep one document per file.");
                return null;
            }

            return errors.Count == errorsBefore ? root : null;
        }
        catch (TooDeepException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner gives up this way on some unfinished flow collections ('[' or '{' never closed).
            var at = parser?.Current?.Start;
            errors.Add(file, (int)(at?.Line ?? 0), (int)(at?.Column ?? 0),
                "this is not valid YAML: the text ends inside a '[...]' or '{...}' that is never closed, or a scalar is broken. Check the brackets and quotes from this place on.");
            return null;
        }
        catch (YamlException exception)
        {
            errors.Add(file, (int)exception.Start.Line, (int)exception.Start.Column,
                $"this is not valid YAML: {Describe(exception)}. Check the indentation and quoting around this place.");
            return null;
        }
    }

    /// <summary>
    /// Where the first control character (<see cref="char.IsControl(char)"/>) other than tab, line feed and carriage
    /// return is, or -1. A plain loop: the <c>SearchValues</c> set it replaced took 10 to 15 ms to build in a new
    /// process, a quarter of reading a student's file, for texts that are mostly a few words long.
    /// </summary>
    private static int FirstControl(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsControl(value[i]) && value[i] is not ('\t' or '\n' or '\r'))
            {
                return i;
            }
        }

        return -1;
    }

    private static string Describe(YamlException exception)
    {
        // YamlDotNet prefixes messages with the position, which the error already carries.
        var message = exception.Message;
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith("(Line:", StringComparison.Ordinal) && close > 0)
        {
            message = message[(close + 3)..];
        }

        return message.TrimEnd('.');
    }

    private static YamlNode ReadNode(IParser parser, string file, InputErrorList errors, InputLimits limits, bool quoteKeys, int depth)
    {
        var current = parser.Current ?? throw new YamlException("unexpected end of the document");
        var line = (int)current.Start.Line;
        var column = (int)current.Start.Column;

        if (depth > limits.MaxYamlDepth && current is MappingStart or SequenceStart)
        {
            // Stop reading at once: skipping the nested events would still parse them, and a file of
            // nothing but '[' takes the parser time that grows with the square of its length.
            errors.Add(file, line, column,
                $"the document nests deeper than {limits.MaxYamlDepth} levels; flatten it {InputLimits.HowToRaise(nameof(InputLimits.MaxYamlDepth))}.");
            throw new TooDeepException();
        }

        switch (current)
        {
            case Scalar scalar:
                parser.MoveNext();
                var value = scalar.Value;
                if (value.Length > limits.MaxStringLength)
                {
                    errors.Add(file, line, column,
                        $"this text is {value.Length:N0} characters long; a text may have at most {limits.MaxStringLength:N0} {InputLimits.HowToRaise(nameof(InputLimits.MaxStringLength))}. Shorten it.");
                    value = string.Empty;
                }
                else if (FirstControl(value) is var at && at >= 0)
                {
                    // A bell, escape or other control character has no place in a pack or record, and
                    // would reach a terminal or a web page through the plans.
                    errors.Add(file, line, column, $"this text holds the control character U+{(int)value[at]:X4}; remove it (tabs and line breaks are fine).");
                    value = string.Empty;
                }

                return new YamlScalar(line, column, value,
                    isQuoted: scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded)
                {
                    EndLine = (int)scalar.End.Line,
                    IsBlock = scalar.Style is ScalarStyle.Literal or ScalarStyle.Folded,
                };

            case AnchorAlias:
                errors.Add(file, line, column, "anchors and aliases ('*name') are not accepted here; write the value out in full.");
                parser.MoveNext();
                return new YamlScalar(line, column, string.Empty, isQuoted: false);

            case SequenceStart:
            {
                parser.MoveNext();
                var items = new List<YamlNode>();
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    items.Add(ReadNode(parser, file, errors, limits, quoteKeys, depth + 1));
                }

                return new YamlSequence(line, column, items);
            }

            case MappingStart:
            {
                parser.MoveNext();
                var entries = new List<KeyValuePair<YamlScalar, YamlNode>>();
                var seen = new Dictionary<string, int>(StringComparer.Ordinal);
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    var keyNode = ReadNode(parser, file, errors, limits, quoteKeys, depth + 1);
                    var entryValue = ReadNode(parser, file, errors, limits, quoteKeys, depth + 1);
                    if (keyNode is not YamlScalar key)
                    {
                        errors.Add(file, keyNode, "a key must be a plain word, not " + keyNode.Describe() + ".");
                        continue;
                    }

                    if (seen.TryGetValue(key.Value, out var firstLine))
                    {
                        errors.Add(file, key, quoteKeys
                                ? $"the key '{key.Value}' appears twice in this mapping (first on line {firstLine}); keep one."
                                : $"this key appears twice in this mapping (first on line {firstLine}); keep one.",
                            field: quoteKeys ? key.Value : null);
                        continue;
                    }

                    seen.Add(key.Value, key.Line);
                    entries.Add(new(key, entryValue));
                }

                return new YamlMapping(line, column, entries);
            }

            default:
                throw new YamlException(current.Start, current.End, $"unexpected {current.GetType().Name}");
        }
    }

    /// <summary>Unwinds the reader when the nesting limit is passed; the error is already recorded.</summary>
    private sealed class TooDeepException : Exception;
}
