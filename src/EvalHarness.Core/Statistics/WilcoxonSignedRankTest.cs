using MathNet.Numerics;

namespace EvalHarness.Statistics;

/// <summary>
/// Two-sided Wilcoxon signed-rank test of paired differences. Zero differences are dropped (Wilcoxon's own
/// treatment, scipy's default <c>zero_method="wilcox"</c>) and tied |d| share their mean rank. With at most
/// <see cref="ExactLimit"/> differences and no ties, p comes from the exact null distribution of W+ (every sign
/// pattern equally likely); otherwise from the normal approximation with the ties correction of the variance,
/// n(n+1)(2n+1)/24 − Σ(t³ − t)/48, without continuity correction (scipy's default).
/// </summary>
public static class WilcoxonSignedRankTest
{
    public const int ExactLimit = 25;

    public static WilcoxonResult Test(IReadOnlyList<double> differences)
    {
        var nonZero = differences.Where(d => d != 0).ToArray();
        var n = nonZero.Length;
        if (n == 0)
        {
            return new WilcoxonResult(1, 0, 0, true, false, null);
        }

        var (ranks, tieGroups) = Ranks(nonZero.Select(Math.Abs).ToArray());
        var wPlus = 0.0;
        for (var i = 0; i < n; i++)
        {
            if (nonZero[i] > 0)
            {
                wPlus += ranks[i];
            }
        }

        var ties = tieGroups.Count > 0;
        if (n <= ExactLimit && !ties)
        {
            return new WilcoxonResult(ExactPValue((int)wPlus, n), wPlus, n, true, false, null);
        }

        var mean = n * (n + 1) / 4.0;
        var variance = (n * (n + 1.0) * ((2 * n) + 1) / 24.0) - (tieGroups.Sum(t => ((double)t * t * t) - t) / 48.0);
        if (variance <= 0)
        {
            return new WilcoxonResult(1, wPlus, n, false, ties, null);
        }

        var z = (wPlus - mean) / Math.Sqrt(variance);
        var p = Math.Min(1, SpecialFunctions.Erfc(Math.Abs(z) / Math.Sqrt(2)));
        return new WilcoxonResult(p, wPlus, n, false, ties, z);
    }

    /// <summary>2·min(P(W+ ≤ w), P(W+ ≥ w)), capped at 1, over the 2^n equally likely sign patterns.</summary>
    private static double ExactPValue(int w, int n)
    {
        var max = n * (n + 1) / 2;
        var counts = new double[max + 1];
        counts[0] = 1;
        for (var rank = 1; rank <= n; rank++)
        {
            for (var s = max; s >= rank; s--)
            {
                counts[s] += counts[s - rank];
            }
        }

        var below = 0.0;
        var above = 0.0;
        for (var s = 0; s <= max; s++)
        {
            below += s <= w ? counts[s] : 0;
            above += s >= w ? counts[s] : 0;
        }

        return Math.Min(1, 2 * Math.ScaleB(Math.Min(below, above), -n));
    }

    /// <summary>Mean ranks (1-based) of the values, and the size of every group of tied values.</summary>
    private static (double[] Ranks, List<int> TieGroups) Ranks(double[] values)
    {
        var order = Enumerable.Range(0, values.Length).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Length];
        var tieGroups = new List<int>();
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && values[order[end + 1]] == values[order[start]])
            {
                end++;
            }

            var rank = ((start + 1) + (end + 1)) / 2.0;
            for (var i = start; i <= end; i++)
            {
                ranks[order[i]] = rank;
            }

            if (end > start)
            {
                tieGroups.Add(end - start + 1);
            }

            start = end + 1;
        }

        return (ranks, tieGroups);
    }
}
