using System.Text;

namespace EvalHarness.Risk.Privacy;

/// <summary>Masked renderings: digits become '*' except the few kept to say what the number was (its area code, its last digits).</summary>
internal static class DigitMask
{
    /// <summary>
    /// The span with every digit masked except those before <paramref name="keepUntil"/> (an offset in the span)
    /// and the last <paramref name="keepLast"/>; separators, parentheses and the original digit forms stay.
    /// </summary>
    public static string Digits(ScannedText text, int start, int length, int keepUntil, int keepLast)
    {
        var total = 0;
        for (var i = 0; i < length; i++)
        {
            if (char.IsAsciiDigit(text.Folded[start + i]))
            {
                total++;
            }
        }

        var builder = new StringBuilder(length);
        var seen = 0;
        for (var i = 0; i < length; i++)
        {
            var c = text.Original[start + i];
            if (!char.IsAsciiDigit(text.Folded[start + i]))
            {
                builder.Append(c);
                continue;
            }

            seen++;
            builder.Append(i < keepUntil || seen > total - keepLast ? c : '*');
        }

        return builder.ToString();
    }

    /// <summary>Letters after the first of each word become '*' (ASCII) or '●'; spaces and punctuation stay.</summary>
    public static string Words(string text)
    {
        var builder = new StringBuilder(text.Length);
        var first = true;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c is '・' or '-' or '.' or ',')
            {
                builder.Append(c);
                first = true;
                continue;
            }

            builder.Append(first ? c : c < 128 ? '*' : '●');
            first = false;
        }

        return builder.ToString();
    }

    /// <summary>The whole text hidden, one mark per character, spaces kept.</summary>
    public static string All(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsWhiteSpace(c) ? c : c < 128 ? '*' : '●');
        }

        return builder.ToString();
    }

    public static string DigitsOnly(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
