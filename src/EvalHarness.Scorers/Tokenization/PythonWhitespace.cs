namespace EvalHarness.Scorers.Tokenization;

/// <summary>
/// Python's <c>str.isspace</c>, <c>str.strip()</c> and <c>str.split()</c>, which the reference
/// implementations use. They differ from .NET's <see cref="char.IsWhiteSpace(char)"/>: Python also
/// counts the separators U+001C–U+001F. Every Python whitespace character is in the BMP, so a test
/// per UTF-16 unit is exact (a surrogate is never whitespace).
/// </summary>
public static class PythonWhitespace
{
    public static bool IsSpace(char c) => c switch
    {
        <= '\u0020' => c is >= '\u0009' and <= '\u000D' or >= '\u001C',
        < '\u0085' => false,
        '\u0085' or '\u00A0' or '\u1680' or '\u2028' or '\u2029' or '\u202F' or '\u205F' or '\u3000' => true,
        _ => c is >= '\u2000' and <= '\u200A',
    };

    public static bool IsSpace(int codePoint) => codePoint <= char.MaxValue && IsSpace((char)codePoint);

    /// <summary><c>str.strip()</c>.</summary>
    public static string Strip(string text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && IsSpace(text[start]))
        {
            start++;
        }

        while (end > start && IsSpace(text[end - 1]))
        {
            end--;
        }

        return start == 0 && end == text.Length ? text : text[start..end];
    }

    /// <summary><c>str.rstrip()</c>, which sacreBLEU applies to every segment before BLEU's tokenizer.</summary>
    public static string RStrip(string text)
    {
        var end = text.Length;
        while (end > 0 && IsSpace(text[end - 1]))
        {
            end--;
        }

        return end == text.Length ? text : text[..end];
    }

    /// <summary><c>str.split()</c> without arguments: runs of whitespace separate, no empty items.</summary>
    public static List<string> Split(string text)
    {
        var parts = new List<string>();
        SplitInto(text, parts);
        return parts;
    }

    /// <summary>Appends the parts of <c>text.split()</c> to <paramref name="parts"/>.</summary>
    public static void SplitInto(string text, List<string> parts)
    {
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && IsSpace(text[i]))
            {
                i++;
            }

            var start = i;
            while (i < text.Length && !IsSpace(text[i]))
            {
                i++;
            }

            if (i > start)
            {
                // Most tokens come whole from a tokenizer; avoid copying them.
                parts.Add(start == 0 && i == text.Length ? text : text[start..i]);
            }
        }
    }

    public static bool ContainsSpace(string text)
    {
        foreach (var c in text)
        {
            if (IsSpace(c))
            {
                return true;
            }
        }

        return false;
    }
}
