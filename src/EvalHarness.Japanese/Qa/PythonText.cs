using System.Globalization;
using System.Text;

namespace EvalHarness.Japanese.Qa;

/// <summary>
/// The pieces of Python 3's <c>str</c> semantics that the reference metrics depend on, over code points
/// rather than UTF-16 units: the Python implementations index, compare and sort code points, so a non-BMP
/// character is one element there and two here unless text is converted first.
/// </summary>
internal static class PythonText
{
    /// <summary>
    /// Code points of <paramref name="text"/>. A lone surrogate stays one element with its own value, as in a
    /// Python <c>str</c>, instead of becoming U+FFFD; model output decoded from JSON can contain one.
    /// </summary>
    public static int[] CodePoints(string text)
    {
        var result = new int[text.Length];
        var count = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                result[count++] = char.ConvertToUtf32(c, text[i + 1]);
                i++;
            }
            else
            {
                result[count++] = c;
            }
        }

        return count == result.Length ? result : result[..count];
    }

    public static string ToText(ReadOnlySpan<int> codePoints)
    {
        var sb = new StringBuilder(codePoints.Length);
        foreach (var cp in codePoints)
        {
            if (cp > 0xFFFF)
            {
                sb.Append(char.ConvertFromUtf32(cp));
            }
            else
            {
                // A lone surrogate goes back as the single unit it came from.
                sb.Append((char)cp);
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// Python's <c>str.isspace()</c> (bidirectional class WS, B or S, or category Zs). Unlike .NET's
    /// <c>char.IsWhiteSpace</c> it includes U+001C–U+001F. The set has not changed since Unicode 6.3.
    /// </summary>
    public static bool IsSpace(int cp) => cp switch
    {
        >= 0x09 and <= 0x0D => true,
        >= 0x1C and <= 0x20 => true,
        0x85 or 0xA0 or 0x1680 => true,
        >= 0x2000 and <= 0x200A => true,
        0x2028 or 0x2029 or 0x202F or 0x205F or 0x3000 => true,
        _ => false,
    };

    /// <summary>
    /// Python's regex <c>\w</c> on a <c>str</c>: <c>str.isalnum()</c> or '_', that is letters (L*) and numbers
    /// of every kind (Nd, Nl, No). .NET's <c>\w</c> differs: it admits Mn and all of Pc and rejects Nl and No.
    /// </summary>
    public static bool IsWord(int cp)
    {
        if (cp == '_')
        {
            return true;
        }

        if (cp is < 0 or > 0x10FFFF or (>= 0xD800 and <= 0xDFFF))
        {
            return false;
        }

        return CharUnicodeInfo.GetUnicodeCategory(cp) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
            _ => false,
        };
    }

    /// <summary>Python's <c>str.strip()</c>: removes leading and trailing <see cref="IsSpace"/> characters.</summary>
    public static string Strip(string text)
    {
        // Every Python whitespace character is in the BMP, so UTF-16 units can be tested directly.
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

    /// <summary>
    /// <c>unicodedata.normalize("NFKC", text)</c>. .NET refuses text with a lone surrogate; Python normalises
    /// around it. A surrogate neither decomposes nor composes, so normalising the runs between lone
    /// surrogates separately gives Python's result.
    /// </summary>
    public static string Nfkc(string text)
    {
        if (FirstLoneSurrogate(text, 0) < 0)
        {
            return text.Normalize(NormalizationForm.FormKC);
        }

        var sb = new StringBuilder(text.Length);
        var start = 0;
        while (start <= text.Length)
        {
            var lone = FirstLoneSurrogate(text, start);
            var end = lone < 0 ? text.Length : lone;
            sb.Append(text[start..end].Normalize(NormalizationForm.FormKC));
            if (lone < 0)
            {
                break;
            }

            sb.Append(text[lone]);
            start = lone + 1;
        }

        return sb.ToString();
    }

    private static int FirstLoneSurrogate(string text, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return i;
            }
        }

        return -1;
    }
}
