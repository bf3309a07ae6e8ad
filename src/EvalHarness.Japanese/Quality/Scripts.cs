using System.Globalization;
using System.Text;

namespace EvalHarness.Japanese.Quality;

/// <summary>
/// Assigns letters to scripts by Unicode block. .NET has no Script property, and blocks are exact
/// enough here: the blocks checked first hold only letters of their script, and anything else counts
/// only when Unicode calls it a letter.
/// </summary>
internal static class Scripts
{
    public static LetterScript Of(Rune rune)
    {
        var v = rune.Value;
        if (IsHiragana(v))
        {
            return LetterScript.Hiragana;
        }

        if (IsKatakana(v))
        {
            return LetterScript.Katakana;
        }

        if (IsHan(v))
        {
            return LetterScript.Han;
        }

        if (IsHangul(v))
        {
            return LetterScript.Hangul;
        }

        if (!Rune.IsLetter(rune))
        {
            return LetterScript.None;
        }

        return IsLatin(v) ? LetterScript.Latin : LetterScript.Other;
    }

    public static ScriptCounts Count(string text)
    {
        int hiragana = 0, katakana = 0, han = 0, latin = 0, hangul = 0, other = 0, latinWords = 0, otherWords = 0;
        var previous = LetterScript.None;
        foreach (var rune in text.EnumerateRunes())
        {
            var script = Of(rune);
            switch (script)
            {
                case LetterScript.Hiragana: hiragana++; break;
                case LetterScript.Katakana: katakana++; break;
                case LetterScript.Han: han++; break;
                case LetterScript.Latin:
                    latin++;
                    latinWords += previous == LetterScript.Latin ? 0 : 1;
                    break;
                case LetterScript.Hangul: hangul++; break;
                case LetterScript.Other:
                    other++;
                    otherWords += previous == LetterScript.Other ? 0 : 1;
                    break;
                default:
                    // A combining accent (e + U+0301) continues the word it follows.
                    if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
                    {
                        continue;
                    }

                    break;
            }

            previous = script;
        }

        return new ScriptCounts(hiragana, katakana, han, latin, hangul, other, latinWords, otherWords);
    }

    // The combining and spacing voiced sound marks (U+3099–U+309C) are not letters on their own.
    private static bool IsHiragana(int v) => v is (>= 0x3041 and <= 0x3096) or (>= 0x309D and <= 0x309F);

    // ・ (U+30FB) and half-width ･ (U+FF65) are punctuation; ー and ｰ are letters of the script.
    private static bool IsKatakana(int v) =>
        v is (>= 0x30A1 and <= 0x30FA) or (>= 0x30FC and <= 0x30FF) or (>= 0x31F0 and <= 0x31FF) or (>= 0xFF66 and <= 0xFF9F);

    private static bool IsHan(int v) =>
        v is 0x3005 or 0x3006 or 0x3007 or 0x303B
            or (>= 0x3400 and <= 0x4DBF) or (>= 0x4E00 and <= 0x9FFF) or (>= 0xF900 and <= 0xFAFF)
            or (>= 0x20000 and <= 0x323AF);

    private static bool IsHangul(int v) =>
        v is (>= 0x1100 and <= 0x11FF) or (>= 0x3131 and <= 0x318E) or (>= 0xA960 and <= 0xA97F)
            or (>= 0xAC00 and <= 0xD7A3) or (>= 0xD7B0 and <= 0xD7FF) or (>= 0xFFA0 and <= 0xFFDC);

    private static bool IsLatin(int v) =>
        v is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= 0x00AA and <= 0x02AF) or (>= 0x1E00 and <= 0x1EFF)
            or (>= 0xFF21 and <= 0xFF3A) or (>= 0xFF41 and <= 0xFF5A);
}
