using System.Globalization;
using System.Text;

namespace EvalHarness.Japanese.Qa;

/// <summary>
/// Python 3's <c>str.lower()</c>: the full Unicode lower-case mapping, not .NET's one-to-one
/// <c>ToLowerInvariant</c>. Two things differ from .NET: SpecialCasing.txt's only unconditional lower-case
/// expansion, U+0130 → "i" + U+0307 (which .NET's invariant casing leaves unchanged), and the Final_Sigma
/// context, where U+03A3 at the end of a word becomes ς rather than σ.
/// </summary>
internal static class PythonLowerCase
{
    private const int CapitalSigma = 0x03A3;

    public static int[] Lower(ReadOnlySpan<int> codePoints)
    {
        var result = new List<int>(codePoints.Length + 1);
        for (var i = 0; i < codePoints.Length; i++)
        {
            var cp = codePoints[i];
            if (cp == 0x0130)
            {
                result.Add('i');
                result.Add(0x0307);
            }
            else if (cp == CapitalSigma)
            {
                result.Add(IsFinalSigma(codePoints, i) ? 0x03C2 : 0x03C3);
            }
            else if (cp is < 0x80 or (>= 0xD800 and <= 0xDFFF) or > 0x10FFFF)
            {
                result.Add(cp is >= 'A' and <= 'Z' ? cp + 32 : cp);
            }
            else
            {
                result.Add(Rune.ToLowerInvariant(new Rune(cp)).Value);
            }
        }

        return [.. result];
    }

    /// <summary>
    /// CPython's test: a cased letter, then any case-ignorable characters, then Σ, and not followed by any
    /// case-ignorable characters and then a cased letter.
    /// </summary>
    private static bool IsFinalSigma(ReadOnlySpan<int> text, int index)
    {
        var j = index - 1;
        while (j >= 0 && IsCaseIgnorable(text[j]))
        {
            j--;
        }

        if (j < 0 || !IsCased(text[j]))
        {
            return false;
        }

        j = index + 1;
        while (j < text.Length && IsCaseIgnorable(text[j]))
        {
            j++;
        }

        return j == text.Length || !IsCased(text[j]);
    }

    /// <summary>
    /// Unicode's Cased property for characters that are not also case-ignorable (the only ones the sigma
    /// test can reach): Lu, Ll, Lt and the Other_Uppercase/Other_Lowercase letters of other categories.
    /// </summary>
    internal static bool IsCased(int cp)
    {
        if (cp is 0xAA or 0xBA or (>= 0x2160 and <= 0x217F) or (>= 0x24B6 and <= 0x24E9)
            or (>= 0x1F130 and <= 0x1F149) or (>= 0x1F150 and <= 0x1F169) or (>= 0x1F170 and <= 0x1F189))
        {
            return true;
        }

        return Category(cp) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter;
    }

    /// <summary>Unicode's Case_Ignorable: Mn, Me, Cf, Lm, Sk, and Word_Break MidLetter, MidNumLet or Single_Quote.</summary>
    internal static bool IsCaseIgnorable(int cp)
    {
        if (cp is 0x27 or 0x2E or 0x3A or 0xB7 or 0x0387 or 0x055F or 0x05F4 or 0x2018 or 0x2019 or 0x2024 or 0x2027
            or 0xFE13 or 0xFE52 or 0xFE55 or 0xFF07 or 0xFF0E or 0xFF1A)
        {
            return true;
        }

        return Category(cp) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format
            or UnicodeCategory.ModifierLetter or UnicodeCategory.ModifierSymbol;
    }

    private static UnicodeCategory Category(int cp) =>
        cp is < 0 or > 0x10FFFF ? UnicodeCategory.OtherNotAssigned : CharUnicodeInfo.GetUnicodeCategory(cp);
}
