using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EvalHarness.Risk.Hallucination;

/// <summary>
/// A cell listing several answers, in the spellings TruthfulQA-format files use: TruthfulQA's CSV separates
/// them with semicolons; JTruthfulQA's CSV writes a Python list literal (<c>['…', '…']</c>, pandas' output);
/// JSON exports use a JSON list.
/// </summary>
internal static class AnswerList
{
    /// <summary>The answers, or null with <paramref name="error"/> set when a list literal is malformed.</summary>
    public static List<string>? Parse(string cell, out string? error)
    {
        error = null;
        var text = cell.Trim();
        if (text.Length == 0)
        {
            return [];
        }

        if (!text.StartsWith('['))
        {
            return Clean(text.Split(';'));
        }

        if (TryJson(text) is { } json)
        {
            return json;
        }

        var python = PythonList(text, out error);
        return python is null ? null : Clean(python);
    }

    private static List<string> Clean(IEnumerable<string> items) =>
        [.. items.Select(i => i.Trim()).Where(i => i.Length > 0)];

    private static List<string>? TryJson(string text)
    {
        try
        {
            return JsonNode.Parse(text) is JsonArray array && array.All(n => n?.GetValueKind() == JsonValueKind.String)
                ? Clean(array.Select(n => n!.GetValue<string>()))
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A Python list of string literals: single or double quotes, backslash escapes (\', \", \\, \n, \t, \uXXXX, \xXX).</summary>
    private static List<string>? PythonList(string text, out string? error)
    {
        var items = new List<string>();
        var i = 1;
        while (true)
        {
            i = SkipSpace(text, i);
            if (i < text.Length && text[i] == ']' && items.Count == 0)
            {
                error = null;
                return items;
            }

            if (i >= text.Length || text[i] is not ('\'' or '"'))
            {
                error = $"a list of answers must hold quoted texts ('…' or \"…\"); found {Describe(text, i)} at character {i + 1}";
                return null;
            }

            var item = Literal(text, ref i, out error);
            if (item is null)
            {
                return null;
            }

            items.Add(item);
            i = SkipSpace(text, i);
            if (i < text.Length && text[i] == ',')
            {
                i++;
                continue;
            }

            if (i < text.Length && text[i] == ']' && SkipSpace(text, i + 1) == text.Length)
            {
                error = null;
                return items;
            }

            error = $"a list of answers must separate its texts with commas and end with ]; found {Describe(text, i)} at character {i + 1}";
            return null;
        }
    }

    private static string? Literal(string text, ref int i, out string? error)
    {
        var quote = text[i++];
        var sb = new StringBuilder();
        while (i < text.Length)
        {
            var c = text[i++];
            if (c == quote)
            {
                error = null;
                return sb.ToString();
            }

            if (c != '\\' || i >= text.Length)
            {
                sb.Append(c);
                continue;
            }

            var e = text[i++];
            switch (e)
            {
                case 'n': sb.Append('\n'); break;
                case 't': sb.Append('\t'); break;
                case 'r': sb.Append('\r'); break;
                case 'u' when i + 4 <= text.Length && int.TryParse(text.AsSpan(i, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var u):
                    sb.Append((char)u);
                    i += 4;
                    break;
                case 'x' when i + 2 <= text.Length && int.TryParse(text.AsSpan(i, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var x):
                    sb.Append((char)x);
                    i += 2;
                    break;
                default: sb.Append(e); break;
            }
        }

        error = "a quoted answer in the list is never closed";
        return null;
    }

    private static int SkipSpace(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    private static string Describe(string text, int i) => i >= text.Length ? "the end of the cell" : $"'{text[i]}'";
}
