using System.Globalization;
using System.Text;

namespace EvalHarness.Japanese.Quality;

/// <summary>
/// A short quotation around a position, with the offending span in ⟦ ⟧ and invisible or unprintable
/// characters written as [U+XXXX], so the explanation is readable wherever it is shown.
/// </summary>
internal static class Excerpt
{
    public static string Around(string text, int index, int length, int context = 10)
    {
        var start = index;
        for (var n = 0; n < context && start > 0; n++)
        {
            start -= start >= 2 && char.IsLowSurrogate(text[start - 1]) && char.IsHighSurrogate(text[start - 2]) ? 2 : 1;
        }

        var end = index + length;
        for (var n = 0; n < context && end < text.Length; n++)
        {
            end += end + 1 < text.Length && char.IsHighSurrogate(text[end]) && char.IsLowSurrogate(text[end + 1]) ? 2 : 1;
        }

        var sb = new StringBuilder();
        sb.Append(start > 0 ? "…" : string.Empty);
        Append(sb, text, start, index);
        sb.Append('⟦');
        Append(sb, text, index, index + length);
        sb.Append('⟧');
        Append(sb, text, index + length, end);
        sb.Append(end < text.Length ? "…" : string.Empty);
        return sb.ToString();
    }

    /// <summary>1-based line and column (in code points) and the 1-based code point number of a UTF-16 index.</summary>
    public static (int Line, int Column, int CodePoint) Position(string text, int index)
    {
        int line = 1, column = 1, codePoint = 1;
        for (var i = 0; i < index && i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }

            codePoint++;
            if (text[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return (line, column, codePoint);
    }

    private static void Append(StringBuilder sb, string text, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < to && char.IsLowSurrogate(text[i + 1]))
            {
                var value = char.ConvertToUtf32(c, text[i + 1]);
                if (value >= 0xF0000)
                {
                    sb.Append(Code(value));
                }
                else
                {
                    sb.Append(c).Append(text[i + 1]);
                }

                i++;
            }
            else if (c is '\n' or '\r' or '\t')
            {
                sb.Append(' ');
            }
            else if (char.IsSurrogate(c) || char.IsControl(c) || c is >= '\uE000' and <= '\uF8FF')
            {
                sb.Append(Code(c));
            }
            else
            {
                sb.Append(c);
            }
        }
    }

    private static string Code(int value) => "[U+" + value.ToString("X4", CultureInfo.InvariantCulture) + "]";
}
