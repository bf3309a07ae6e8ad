using System.Globalization;
using System.Text;

namespace EvalHarness.Risk.Hallucination;

/// <summary>
/// Kanji numerals to Arabic digits, both the positional form (千六百三, 三千七百七十六) and the digit-by-digit
/// form (一六〇三), so 「千六百三年」 and 「1603年」 compare equal. A single kanji digit is converted only before a
/// counter (三年, 十月), because on its own it is usually part of a word (統一, 一部).
/// </summary>
internal static class KanjiNumerals
{
    private const string Digits = "〇一二三四五六七八九";
    private const string Counters = "年月日人回個歳才世紀番度位階号条巻点倍冊枚本匹頭羽台件分秒時";

    public static string ToArabic(string text)
    {
        var sb = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (!IsNumeral(text[i]))
            {
                sb.Append(text[i++]);
                continue;
            }

            var start = i;
            while (i < text.Length && IsNumeral(text[i]))
            {
                i++;
            }

            var run = text[start..i];
            var beforeCounter = i < text.Length && Counters.Contains(text[i], StringComparison.Ordinal);
            if ((run.Length >= 2 || beforeCounter || run is "十" or "百" or "千") && Parse(run) is { } value)
            {
                sb.Append(value.ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(run);
            }
        }

        return sb.ToString();
    }

    private static bool IsNumeral(char c) => Digits.Contains(c, StringComparison.Ordinal) || c is '十' or '百' or '千' or '万' or '億' or '零';

    private static long? Parse(string run)
    {
        // Digit by digit (一六〇三) when no positional character appears.
        if (run.All(c => Digits.Contains(c, StringComparison.Ordinal) || c == '零'))
        {
            long digits = 0;
            foreach (var c in run)
            {
                digits = (digits * 10) + (c == '零' ? 0 : Digits.IndexOf(c, StringComparison.Ordinal));
            }

            return digits;
        }

        long total = 0;
        long section = 0;
        long digit = -1;
        foreach (var c in run)
        {
            var d = c == '零' ? 0 : Digits.IndexOf(c, StringComparison.Ordinal);
            if (d >= 0)
            {
                if (digit >= 0)
                {
                    return null;
                }

                digit = d;
                continue;
            }

            switch (c)
            {
                case '十':
                case '百':
                case '千':
                    var unit = c == '十' ? 10 : c == '百' ? 100 : 1000;
                    section += (digit < 0 ? 1 : digit) * unit;
                    digit = -1;
                    break;
                case '万':
                case '億':
                    var big = c == '万' ? 10_000L : 100_000_000L;
                    total += (section + Math.Max(digit, 0)) * big;
                    section = 0;
                    digit = -1;
                    break;
                default:
                    return null;
            }
        }

        return total + section + Math.Max(digit, 0);
    }
}
