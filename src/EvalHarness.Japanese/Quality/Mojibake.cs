namespace EvalHarness.Japanese.Quality;

/// <summary>
/// Signatures of text decoded with the wrong character set. Each is what a real decoder produces from
/// Japanese (or accented Latin) text; see docs/japanese-quality.md for the list and why each threshold.
/// </summary>
internal static class Mojibake
{
    /// <summary>
    /// CP932 readings of the UTF-8 lead byte pairs of Japanese punctuation, hiragana and katakana
    /// (E3 80 縲, E3 81 縺, E3 82 繧, E3 83 繝), general punctuation (E2 80 窶: ’ “ ” …), and two frequent
    /// kanji rows (E4 B8 荳: 一 上 下 中; E6 96 譁: 文 新 方). These kanji are obsolete or extremely rare.
    /// </summary>
    public const string ShiftJisSignatures = "縲縺繧繝窶荳譁";

    /// <summary>Signature characters needed, because each is still a real (if rare) kanji.</summary>
    public const int MinShiftJisSignatures = 2;

    /// <summary>Lead-plus-trail pairs needed for the Shift_JIS and EUC-JP readings, which reuse ordinary Latin-1 letters.</summary>
    public const int MinPairs = 3;

    // Windows-1252 puts printable characters where Latin-1 has C1 controls; the byte each came from.
    private static readonly Dictionary<char, int> Cp1252 = new()
    {
        ['€'] = 0x80, ['‚'] = 0x82, ['ƒ'] = 0x83, ['„'] = 0x84, ['…'] = 0x85, ['†'] = 0x86, ['‡'] = 0x87,
        ['ˆ'] = 0x88, ['‰'] = 0x89, ['Š'] = 0x8A, ['‹'] = 0x8B, ['Œ'] = 0x8C, ['Ž'] = 0x8E,
        ['\u2018'] = 0x91, ['\u2019'] = 0x92, ['\u201C'] = 0x93, ['\u201D'] = 0x94, ['•'] = 0x95, ['–'] = 0x96,
        ['—'] = 0x97, ['˜'] = 0x98, ['™'] = 0x99, ['š'] = 0x9A, ['›'] = 0x9B, ['œ'] = 0x9C, ['ž'] = 0x9E, ['Ÿ'] = 0x9F,
    };

    public static void Find(string text, List<TextProblem> problems)
    {
        FindUtf8AsLatin1(text, problems);
        FindShiftJisSignatures(text, problems);
        FindPairs(text, problems, TextProblemKind.ShiftJisAsLatin1, lead => lead is '‚' or 'ƒ', IsShiftJisTrail);
        FindPairs(text, problems, TextProblemKind.EucJpAsLatin1, lead => lead is '¤' or '¥', trail => trail is >= '\u00A1' and <= '\u00FE');
    }

    /// <summary>The byte a character stood for when the text was decoded as Latin-1 or Windows-1252.</summary>
    private static int? SingleByte(char c) => c <= '\u00FF' ? c : Cp1252.TryGetValue(c, out var b) ? b : null;

    /// <summary>
    /// A Latin-1 character that is a UTF-8 lead byte (Â–ô) followed by exactly the continuation bytes
    /// that lead needs, obeying UTF-8's rules for the second byte. One such sequence is enough: no
    /// language writes "Ã©" or "ã\u0081\u0082".
    /// </summary>
    private static void FindUtf8AsLatin1(string text, List<TextProblem> problems)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var lead = text[i];
            if (lead is < '\u00C2' or > '\u00F4')
            {
                continue;
            }

            var need = lead <= '\u00DF' ? 1 : lead <= '\u00EF' ? 2 : 3;
            if (i + need >= text.Length)
            {
                continue;
            }

            var real = 0;
            var ok = true;
            for (var k = 1; k <= need && ok; k++)
            {
                var c = text[i + k];
                if (c == '\uFFFD')
                {
                    // Windows-1252 has no character for 81, 8D, 8F, 90, 9D; decoders put U+FFFD there.
                    continue;
                }

                ok = SingleByte(c) is { } b && b is >= 0x80 and <= 0xBF && (k > 1 || SecondByteAllowed(lead, b));
                real++;
            }

            if (ok && real > 0)
            {
                problems.Add(new TextProblem(TextProblemKind.Utf8AsLatin1, i, need + 1));
                i += need;
            }
        }
    }

    private static bool SecondByteAllowed(char lead, int b) => lead switch
    {
        '\u00E0' => b >= 0xA0,
        '\u00ED' => b <= 0x9F,
        '\u00F0' => b >= 0x90,
        '\u00F4' => b <= 0x8F,
        _ => true,
    };

    private static void FindShiftJisSignatures(string text, List<TextProblem> problems)
    {
        var found = new List<TextProblem>();
        for (var i = 0; i < text.Length; i++)
        {
            if (ShiftJisSignatures.Contains(text[i], StringComparison.Ordinal))
            {
                found.Add(new TextProblem(TextProblemKind.Utf8AsShiftJis, i, 1));
            }
        }

        if (found.Count >= MinShiftJisSignatures)
        {
            problems.AddRange(found);
        }
    }

    // Shift_JIS trail bytes are 40–7E and 80–FC.
    private static bool IsShiftJisTrail(char c) => SingleByte(c) is { } b && b is (>= 0x40 and <= 0x7E) or (>= 0x80 and <= 0xFC);

    private static void FindPairs(string text, List<TextProblem> problems, TextProblemKind kind, Func<char, bool> isLead, Func<char, bool> isTrail)
    {
        var found = new List<TextProblem>();
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (isLead(text[i]) && isTrail(text[i + 1]))
            {
                found.Add(new TextProblem(kind, i, 2));
                i++;
            }
        }

        if (found.Count >= MinPairs)
        {
            problems.AddRange(found);
        }
    }
}
