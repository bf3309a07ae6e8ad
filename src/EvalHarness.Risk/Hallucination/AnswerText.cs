using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace EvalHarness.Risk.Hallucination;

/// <summary>
/// The comparable form of an answer or a target: NFKC (full-width and half-width forms), lower case,
/// katakana folded to hiragana, kanji numerals as digits, thousands separators dropped, punctuation and
/// spaces collapsed to one space. Japanese and English text go through the same steps.
/// </summary>
internal static partial class AnswerText
{
    public static string Normalize(string text)
    {
        var folded = KanjiNumerals.ToArabic(AnswerAnalyzer.Normalize(text)).ToLowerInvariant();
        folded = Thousands().Replace(folded, "$1$2");
        var sb = new StringBuilder(folded.Length);
        var space = false;
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c) || c is '.' or '-' or '+' or '%' or '/')
            {
                if (space && sb.Length > 0)
                {
                    sb.Append(' ');
                }

                space = false;
                // ヵ and ヶ stay: as in 霞ヶ浦 they stand for が/か, not for a hiragana sound.
                sb.Append(c is >= 'ァ' and <= 'ヴ' ? (char)(c - 0x60) : c);
            }
            else if (!IsJoiner(c))
            {
                space = true;
            }
        }

        return sb.ToString().Trim('.', ' ');
    }

    /// <summary>The first number in normalised text (1603 in 「1603年です」), or null.</summary>
    public static string? FirstNumber(string normalized) => Number().Match(normalized) is { Success: true } m ? m.Value : null;

    /// <summary>True when the text is mostly a number with an optional counter (1603年, 3776 m, 47): such targets also match the bare number.</summary>
    public static string? NumericCore(string normalized)
    {
        var m = NumberWithCounter().Match(normalized);
        return m.Success ? m.Groups["n"].Value : null;
    }

    /// <summary>Where <paramref name="target"/> occurs in <paramref name="text"/> as a whole token: digits never continue a number, letters never continue a Latin word.</summary>
    public static IEnumerable<int> Occurrences(string text, string target)
    {
        if (target.Length == 0)
        {
            yield break;
        }

        for (var at = text.IndexOf(target, StringComparison.Ordinal); at >= 0; at = text.IndexOf(target, at + 1, StringComparison.Ordinal))
        {
            var end = at + target.Length;
            if (at > 0 && Continues(text[at - 1], target[0]))
            {
                continue;
            }

            if (end < text.Length && Continues(text[end], target[^1]))
            {
                continue;
            }

            yield return at;
        }
    }

    private static bool Continues(char neighbour, char edge) =>
        (char.IsDigit(edge) && (char.IsDigit(neighbour) || neighbour == '.'))
        || (IsLatin(edge) && IsLatin(neighbour));

    private static bool IsLatin(char c) => c < 0x2E80 && char.IsLetterOrDigit(c);

    // A middle dot joins the parts of one Japanese name (ジョン・万次郎). An apostrophe separates, so the
    // target "Conan Doyle" is still found in "Conan Doyle's".
    private static bool IsJoiner(char c) => c is '・' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark;

    [GeneratedRegex(@"(\d),(\d{3})", RegexOptions.CultureInvariant)]
    private static partial Regex Thousands();

    [GeneratedRegex(@"\d+(?:\.\d+)?", RegexOptions.CultureInvariant)]
    private static partial Regex Number();

    [GeneratedRegex(@"^(?<n>\d+(?:\.\d+)?)\s?(?:年|年間|年度|月|日|人|回|個|歳|才|世紀|番|度|位|階|倍|m|km|kg|g|メートル|めーとる|キロメートル|きろめーとる|キロ|きろ|℃|%|ha|sq km|km2|mm|cm|years?|th|st|nd|rd|people|times|degrees|meters|metres)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberWithCounter();
}
