using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace EvalHarness.Scorers.Numeric;

/// <summary>
/// Reads the answer number out of free text: the number after the last answer marker
/// (<c>ANSWER:</c>, <c>答え</c>, <c>=</c>, ...), otherwise the last number. Understands full-width digits,
/// thousands separators, the minus sign U+2212 and マイナス, Japanese units (<c>1.5万</c>, <c>3万5千</c>) and, when the text
/// has no Arabic digits at all, kanji numerals (<c>三十五</c>, <c>二〇二五</c>), and scientific notation (<c>1e3</c>).
/// Text after a verification marker (<c>Check:</c>, <c>検算</c>) is not read when an answer precedes it, so
/// "42. Check: 40 + 2" reads 42.
/// </summary>
public static partial class NumberExtractor
{
    // The number patterns accept this sign, so Parse must too, or "マイナス五" reads as no number at all.
    private const string KanaMinus = "マイナス";

    public static (double Value, string Text)? Extract(string output) => Extract(output, nfkc: true, ignoreCase: true);

    /// <param name="nfkc">Fold full-width digits and signs first; without it only ASCII digits are numbers.</param>
    /// <param name="ignoreCase">Answer markers match in any case (<c>ANSWER</c>, <c>Answer</c>).</param>
    public static (double Value, string Text)? Extract(string output, bool nfkc, bool ignoreCase)
    {
        var text = Prepare(output, nfkc);
        if (BeforeVerification(text, ignoreCase) is { } answerPart)
        {
            text = answerPart;
        }

        var hasArabic = text.AsSpan().ContainsAnyInRange('0', '9');
        var pattern = hasArabic ? ArabicNumber() : KanjiNumber();

        // The last marker and the last number decide nearly always: they are found without a Match object per
        // candidate, and the others are looked at (from the end, as before) only when the last does not parse.
        var markers = ignoreCase ? MarkerPattern() : CaseSensitiveMarkerPattern();
        var lastMarker = -1;
        foreach (var marker in markers.EnumerateMatches(text))
        {
            lastMarker = marker.Index + marker.Length;
        }

        if (lastMarker >= 0)
        {
            if (NumberAfter(pattern, text, lastMarker) is { } answer)
            {
                return answer;
            }

            var all = markers.Matches(text);
            for (var m = all.Count - 2; m >= 0; m--)
            {
                if (NumberAfter(pattern, text, all[m].Index + all[m].Length) is { } earlier)
                {
                    return earlier;
                }
            }
        }

        var (lastIndex, lastLength) = (-1, 0);
        foreach (var number in pattern.EnumerateMatches(text))
        {
            (lastIndex, lastLength) = (number.Index, number.Length);
        }

        if (lastIndex < 0)
        {
            return null;
        }

        var token = text.Substring(lastIndex, lastLength);
        if (Parse(token) is { } value)
        {
            return (value, token);
        }

        var numbers = pattern.Matches(text);
        for (var i = numbers.Count - 2; i >= 0; i--)
        {
            if (Parse(numbers[i].Value) is { } before)
            {
                return (before, numbers[i].Value);
            }
        }

        return null;
    }

    /// <summary>The number that starts within three characters after a marker, if it parses.</summary>
    private static (double Value, string Text)? NumberAfter(Regex pattern, string text, int after)
    {
        var numbers = pattern.EnumerateMatches(text, after);
        if (!numbers.MoveNext() || numbers.Current.Index - after > 3)
        {
            return null;
        }

        var token = text.Substring(numbers.Current.Index, numbers.Current.Length);
        return Parse(token) is { } value ? (value, token) : null;
    }

    // A model that checks its work writes more arithmetic after the answer; the answer is what came before.
    private static string? BeforeVerification(string text, bool ignoreCase)
    {
        var marker = (ignoreCase ? VerificationPattern() : CaseSensitiveVerificationPattern()).Match(text);
        if (!marker.Success || marker.Index == 0)
        {
            return null;
        }

        // An answer stated after the check ("... Check: 40 + 2. ANSWER: 42") is still the answer.
        var after = text[marker.Index..];
        var wordMarker = ignoreCase ? WordMarkerPattern() : CaseSensitiveWordMarkerPattern();
        if (wordMarker.IsMatch(after))
        {
            return null;
        }

        var before = text[..marker.Index];
        return before.AsSpan().ContainsAnyInRange('0', '9') || KanjiNumber().IsMatch(before) ? before : null;
    }

    /// <summary>Parses one number token (also used for targets).</summary>
    public static double? Parse(string token)
    {
        var text = Prepare(token, nfkc: true).Trim();
        var sign = text.StartsWith('-') ? 1 : text.StartsWith(KanaMinus, StringComparison.Ordinal) ? KanaMinus.Length : 0;
        var negative = sign > 0;
        text = text[sign..];

        double total = 0, section = 0;
        double? current = null;
        var i = 0;
        var sawDigit = false;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
                {
                    i++;
                }

                i += ExponentLength(text, i);
                if (!double.TryParse(text.AsSpan(start, i - start), NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var arabic))
                {
                    return null;
                }

                current = arabic;
                sawDigit = true;
                continue;
            }

            if (KanjiDigit(c) is { } d)
            {
                // Consecutive kanji digits are positional (二〇二五 = 2025).
                current = ((current ?? 0) * 10) + d;
                sawDigit = true;
            }
            else if (SmallUnit(c) is { } small)
            {
                section += (current ?? 1) * small;
                current = null;
                sawDigit = true;
            }
            else if (BigUnit(c) is { } big)
            {
                total += (section + (current ?? 0)) * big;
                section = 0;
                current = null;
            }
            else if (c != '%')
            {
                return null;
            }

            i++;
        }

        if (!sawDigit)
        {
            return null;
        }

        var value = total + section + (current ?? 0);
        return negative ? -value : value;
    }

    private static int ExponentLength(string text, int at)
    {
        if (at >= text.Length || (text[at] != 'e' && text[at] != 'E'))
        {
            return 0;
        }

        var digits = at + 1 < text.Length && text[at + 1] is '+' or '-' ? at + 2 : at + 1;
        var end = digits;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        return end > digits ? end - at : 0;
    }

    private static string Prepare(string text, bool nfkc)
    {
        // ASCII is its own NFKC form, and text without a comma has no thousands separator: most answers skip both.
        var s = (nfkc && !Ascii.IsValid(text) ? text.Normalize(NormalizationForm.FormKC) : text).Replace('\u2212', '-');
        return s.Contains(',', StringComparison.Ordinal) ? ThousandsSeparator().Replace(s, string.Empty) : s;
    }

    private static int? KanjiDigit(char c) => c switch
    {
        '〇' or '零' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => null,
    };

    private static double? SmallUnit(char c) => c switch
    {
        '十' => 10,
        '百' => 100,
        '千' => 1000,
        _ => null,
    };

    private static double? BigUnit(char c) => c switch
    {
        '万' => 1e4,
        '億' => 1e8,
        '兆' => 1e12,
        _ => null,
    };

    [GeneratedRegex(@"(?<=\d),(?=\d{3}(?!\d))", RegexOptions.CultureInvariant)]
    private static partial Regex ThousandsSeparator();

    // A sign only where it cannot be a hyphen inside a date or code ("2025-11").
    [GeneratedRegex(@"(?:マイナス|(?<![0-9A-Za-z])-)?(?:[0-9]+(?:\.[0-9]+)?|\.[0-9]+)(?:[eE][+-]?[0-9]+(?![A-Za-z]))?(?:[万億兆千百十]|[0-9]+)*", RegexOptions.CultureInvariant)]
    private static partial Regex ArabicNumber();

    [GeneratedRegex(@"(?:マイナス|-)?[〇零一二三四五六七八九十百千][〇零一二三四五六七八九十百千万億兆]*", RegexOptions.CultureInvariant)]
    private static partial Regex KanjiNumber();

    private const string WordMarker = @"(?:final\s+answer|answer|答え|回答|解答|正解|合計|結果)\s*(?:is|は|:|=)?\s*(?:約|about|approximately)?\s*";

    private const string Marker = WordMarker + @"|=\s*";

    private const string Verification = @"(?<![A-Za-z])(?:double[\s-]?check|check|verification|verify|proof)\s*[:：]|検算|確認|検証";

    [GeneratedRegex(Marker, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MarkerPattern();

    [GeneratedRegex(Marker, RegexOptions.CultureInvariant)]
    private static partial Regex CaseSensitiveMarkerPattern();

    [GeneratedRegex(WordMarker, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WordMarkerPattern();

    [GeneratedRegex(WordMarker, RegexOptions.CultureInvariant)]
    private static partial Regex CaseSensitiveWordMarkerPattern();

    [GeneratedRegex(Verification, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VerificationPattern();

    [GeneratedRegex(Verification, RegexOptions.CultureInvariant)]
    private static partial Regex CaseSensitiveVerificationPattern();
}
