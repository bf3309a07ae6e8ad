namespace EvalHarness.Japanese.Qa;

/// <summary>
/// fuzzywuzzy 0.18.0's <c>fuzz.token_sort_ratio(a, b)</c> (defaults <c>force_ascii=True</c>,
/// <c>full_process=True</c>) with the python-Levenshtein 0.12.2 backend, which llm-jp-eval's
/// <c>char_f1</c> divides by 100. Every step works on code points, as the Python original does.
/// </summary>
public static class TokenSortRatio
{
    /// <summary>
    /// fuzzywuzzy's processing of one side: delete U+0080–U+00FF (its "ASCII dammit" filter, which in Python 3
    /// removes only that block), replace what Python's regex calls <c>\W</c> by a space, apply Python's
    /// <c>str.lower()</c>, split on whitespace, sort the tokens by code point and join them with one space.
    /// </summary>
    public static string Process(string text) => PythonText.ToText(ProcessCodePoints(text));

    public static TokenSortResult Compute(string a, string b)
    {
        var pa = ProcessCodePoints(a);
        var pb = ProcessCodePoints(b);
        var textA = PythonText.ToText(pa);
        var textB = PythonText.ToText(pb);

        // fuzz.ratio's decorators test equality before emptiness, so two empty strings score 100.
        if (pa.AsSpan().SequenceEqual(pb))
        {
            return new TokenSortResult(textA, textB, 100, TokenSortPath.EqualAfterProcessing, null, pa.Length, pb.Length);
        }

        if (pa.Length == 0 || pb.Length == 0)
        {
            return new TokenSortResult(textA, textB, 0, TokenSortPath.OneSideEmpty, null, pa.Length, pb.Length);
        }

        var lcs = LongestCommonSubsequence.Length(pa, pb);
        return new TokenSortResult(textA, textB, RoundedPercent(lcs, pa.Length, pb.Length), TokenSortPath.LevenshteinRatio, lcs, pa.Length, pb.Length);
    }

    /// <summary>
    /// <c>int(round(100 * ratio))</c>: the ratio is the double 2·LCS / (len a + len b), multiplied by 100 as a
    /// double and rounded half to even. The order matters: 218 / 400 × 100 is 54.50000000000001 and rounds
    /// to 55, where exact arithmetic would give 54.
    /// </summary>
    internal static int RoundedPercent(int lcs, int lengthA, int lengthB)
    {
        var ratio = (double)(2 * lcs) / (lengthA + lengthB);
        return (int)Math.Round(100.0 * ratio, MidpointRounding.ToEven);
    }

    internal static int[] ProcessCodePoints(string text)
    {
        var source = PythonText.CodePoints(text);
        var filtered = new List<int>(source.Length);
        foreach (var cp in source)
        {
            if (cp is >= 0x80 and <= 0xFF)
            {
                continue;
            }

            filtered.Add(PythonText.IsWord(cp) ? cp : ' ');
        }

        var lowered = PythonLowerCase.Lower(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(filtered));
        var tokens = Split(lowered);
        tokens.Sort(static (x, y) => x.AsSpan().SequenceCompareTo(y));

        var joined = new List<int>(lowered.Length);
        foreach (var token in tokens)
        {
            if (joined.Count > 0)
            {
                joined.Add(' ');
            }

            joined.AddRange(token);
        }

        return [.. joined];
    }

    // str.split() with no separator: runs of whitespace separate, and leading or trailing runs give no token.
    private static List<int[]> Split(int[] text)
    {
        var tokens = new List<int[]>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var boundary = i == text.Length || PythonText.IsSpace(text[i]);
            if (boundary && start >= 0)
            {
                tokens.Add(text[start..i]);
                start = -1;
            }
            else if (!boundary && start < 0)
            {
                start = i;
            }
        }

        return tokens;
    }
}
