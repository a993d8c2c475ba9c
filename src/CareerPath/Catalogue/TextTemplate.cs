using System.Collections.Frozen;
using System.Text;

namespace CareerPath.Catalogue;

/// <summary>
/// A localised text with placeholders such as <c>{major}</c>, split into pieces once at load so
/// that filling it in for a student is a few appends (and none for a text without placeholders).
/// </summary>
internal sealed class TextTemplate
{
    /// <summary>Placeholders only a <c>forEach</c> rule can fill: the item its step is about.</summary>
    public static readonly IReadOnlyList<string> ItemPlaceholders = ["skill", "level", "needed", "certificate", "position", "closedBy"];

    public static readonly IReadOnlyList<string> Placeholders = ["major", "articulatedMajor", "pathway", "stage", "nextStage", "year", "bestPosition", .. ItemPlaceholders];

    private readonly FrozenDictionary<string, Piece[]> _pieces;

    /// <summary>Placeholders whose values are the same for every student of one major on one pathway.</summary>
    private static readonly HashSet<string> SlotPlaceholders = ["major", "articulatedMajor", "pathway"];

    private TextTemplate(LocalizedText source, FrozenDictionary<string, Piece[]> pieces)
    {
        Source = source;
        _pieces = pieces;
        IsSameForSlot = pieces.Values.All(p => p.All(piece => piece.Placeholder is null || SlotPlaceholders.Contains(piece.Placeholder)));
    }

    /// <summary>
    /// Whether the text reads only <c>{major}</c>, <c>{articulatedMajor}</c> and <c>{pathway}</c>, so that
    /// it comes out the same for every student of one major on one pathway and can be kept once made.
    /// </summary>
    public bool IsSameForSlot { get; }

    public LocalizedText Source { get; }

    /// <summary>Whether any language's text uses one of <see cref="ItemPlaceholders"/>.</summary>
    public bool UsesItem => _pieces.Values.Any(pieces => pieces.Any(piece => piece.Placeholder is { } name && ItemPlaceholders.Contains(name)));

    /// <summary>Splits every language's text; returns null and reports (language, message) on a bad placeholder.</summary>
    public static TextTemplate? Parse(LocalizedText text, Action<string, string> report)
    {
        var pieces = new Dictionary<string, Piece[]>(StringComparer.Ordinal);
        var ok = true;
        foreach (var (language, value) in text.ByLanguage)
        {
            var split = Split(value, language, report);
            if (split is null)
            {
                ok = false;
            }
            else
            {
                pieces[language] = split;
            }
        }

        return ok ? new TextTemplate(text, pieces.ToFrozenDictionary(StringComparer.Ordinal)) : null;
    }

    public string Render(string language, ITemplateValues values)
    {
        if (!_pieces.TryGetValue(language, out var pieces))
        {
            pieces = _pieces.Values[0];
        }

        if (pieces.Length == 1 && pieces[0].Placeholder is null)
        {
            return pieces[0].Literal;
        }

        var builder = new StringBuilder();
        foreach (var piece in pieces)
        {
            builder.Append(piece.Placeholder is null ? piece.Literal : values.Value(piece.Placeholder, language));
        }

        return builder.ToString();
    }

    private static Piece[]? Split(string text, string language, Action<string, string> report)
    {
        var pieces = new List<Piece>();
        var literal = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((c == '{' || c == '}') && i + 1 < text.Length && text[i + 1] == c)
            {
                literal.Append(c);
                i++;
                continue;
            }

            if (c == '}')
            {
                report(language, "a '}' without its '{'; write '}}' for a literal brace.");
                return null;
            }

            if (c != '{')
            {
                literal.Append(c);
                continue;
            }

            var end = text.IndexOf('}', i + 1);
            if (end < 0)
            {
                report(language, "a '{' without its '}'; write '{{' for a literal brace.");
                return null;
            }

            var name = text[(i + 1)..end];
            if (!Placeholders.Contains(name))
            {
                report(language, $"unknown placeholder '{{{name}}}'.{Yaml.Suggestion.Hint(name, Placeholders)}");
                return null;
            }

            if (literal.Length > 0)
            {
                pieces.Add(new Piece(literal.ToString(), null));
                literal.Clear();
            }

            pieces.Add(new Piece(string.Empty, name));
            i = end;
        }

        if (literal.Length > 0 || pieces.Count == 0)
        {
            pieces.Add(new Piece(literal.ToString(), null));
        }

        return [.. pieces];
    }

    private readonly record struct Piece(string Literal, string? Placeholder);
}
