using System.Numerics;

namespace EvalHarness.Japanese.Qa;

/// <summary>
/// Length of the longest common subsequence of two code-point sequences. python-Levenshtein's ratio is
/// 2·LCS / (len a + len b), because its distance charges 2 for a substitution (a deletion plus an insertion).
/// </summary>
/// <remarks>
/// Bit-parallel (Allison–Dix, in Hyyrö's formulation): one bit per code point of the shorter sequence, one
/// add-and-or pass over the bit vector per code point of the longer, so 64 cells of the dynamic programme
/// cost one machine operation. Answers are long model outputs as often as short spans.
/// </remarks>
internal static class LongestCommonSubsequence
{
    public static int Length(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        if (a.Length > b.Length)
        {
            var swap = a;
            a = b;
            b = swap;
        }

        if (a.Length == 0)
        {
            return 0;
        }

        // One row of match masks per distinct code point of the shorter sequence.
        var rows = new Dictionary<int, int>();
        var words = (a.Length + 63) / 64;
        var masks = new List<ulong>();
        for (var i = 0; i < a.Length; i++)
        {
            if (!rows.TryGetValue(a[i], out var row))
            {
                row = rows.Count;
                rows.Add(a[i], row);
                for (var w = 0; w < words; w++)
                {
                    masks.Add(0);
                }
            }

            masks[(row * words) + (i / 64)] |= 1UL << (i % 64);
        }

        return words == 1 ? SingleWord(a.Length, b, rows, masks) : MultiWord(a.Length, words, b, rows, masks);
    }

    private static int SingleWord(int length, ReadOnlySpan<int> b, Dictionary<int, int> rows, List<ulong> masks)
    {
        var v = ulong.MaxValue;
        foreach (var cp in b)
        {
            if (rows.TryGetValue(cp, out var row))
            {
                var m = masks[row];
                var u = v & m;
                v = (v + u) | (v & ~m);
            }
        }

        return CountZeros(v, length);
    }

    private static int MultiWord(int length, int words, ReadOnlySpan<int> b, Dictionary<int, int> rows, List<ulong> masks)
    {
        var v = new ulong[words];
        Array.Fill(v, ulong.MaxValue);
        foreach (var cp in b)
        {
            if (!rows.TryGetValue(cp, out var row))
            {
                // No match bits: (V + 0) | V leaves V as it is.
                continue;
            }

            var carry = 0UL;
            var offset = row * words;
            for (var w = 0; w < words; w++)
            {
                var x = v[w];
                var m = masks[offset + w];
                var sum = x + (x & m);
                var carryOut = sum < x ? 1UL : 0UL;
                var withCarry = sum + carry;
                
                v[w] = withCarry | (x & ~m);
                carry = carryOut;
            }
        }

        var lcs = 0;
        for (var w = 0; w < words; w++)
        {
            lcs += CountZeros(v[w], Math.Min(64, length - (w * 64)));
        }

        return lcs;
    }

    // Bits above the sequence's length start as ones and only ever receive carries, so they are masked off.
    private static int CountZeros(ulong v, int bits) =>
        bits - BitOperations.PopCount(bits == 64 ? v : v & ((1UL << bits) - 1));
}
