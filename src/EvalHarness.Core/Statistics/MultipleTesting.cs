namespace EvalHarness.Statistics;

/// <summary>
/// Adjusted p-values for a family of tests, computed as statsmodels' <c>multipletests</c> does so that reports can be
/// checked against it: Holm's step-down (<c>method='holm'</c>, controls the family-wise error rate) and
/// Benjamini–Hochberg's step-up (<c>method='fdr_bh'</c>, controls the false discovery rate, for many comparisons
/// where some false positives are acceptable). Results are in the input order.
/// </summary>
public static class MultipleTesting
{
    public const string HolmMethod = "holm";

    public const string BenjaminiHochbergMethod = "fdr_bh";

    /// <summary>
    /// Holm: with p sorted ascending, adj(k) = min(1, max over j ≤ k of (m − j + 1)·p(j)). Rejected are the hypotheses
    /// ranked before the first k with p(k) > α/(m − k + 1), as statsmodels decides (on the raw p, so a product that
    /// lands exactly on α by rounding is decided the same way).
    /// </summary>
    public static MultipleTestingResult Holm(IReadOnlyList<double> pValues, double alpha = 0.05)
    {
        var order = Validate(pValues, alpha);
        var m = order.Length;
        var adjusted = new double[m];
        var reject = new bool[m];
        var running = 0.0;
        var stepping = true;
        for (var k = 0; k < m; k++)
        {
            var p = pValues[order[k]];
            running = Math.Max(running, p * (m - k));
            adjusted[order[k]] = Math.Min(1, running);
            stepping = stepping && p <= alpha / (m - k);
            reject[order[k]] = stepping;
        }

        return new MultipleTestingResult(HolmMethod, alpha, adjusted, reject);
    }

    /// <summary>
    /// Benjamini–Hochberg: with p sorted ascending, adj(k) = min(1, min over j ≥ k of p(j)·m/j). Rejected are all
    /// hypotheses ranked up to the largest k with p(k) ≤ α·k/m (step-up), as statsmodels decides.
    /// </summary>
    public static MultipleTestingResult BenjaminiHochberg(IReadOnlyList<double> pValues, double alpha = 0.05)
    {
        var order = Validate(pValues, alpha);
        var m = order.Length;
        var adjusted = new double[m];
        var reject = new bool[m];
        var running = double.PositiveInfinity;
        var last = -1;
        for (var k = m - 1; k >= 0; k--)
        {
            // statsmodels divides by the ecdf factor k/m rather than multiplying by m/k: same rounding here.
            var fraction = (double)(k + 1) / m;
            var p = pValues[order[k]];
            running = Math.Min(running, p / fraction);
            adjusted[order[k]] = Math.Min(1, running);
            if (last < 0 && p <= fraction * alpha)
            {
                last = k;
            }
        }

        for (var k = 0; k <= last; k++)
        {
            reject[order[k]] = true;
        }

        return new MultipleTestingResult(BenjaminiHochbergMethod, alpha, adjusted, reject);
    }

    /// <summary>The indices sorted by p ascending (stable, so ties keep their input order).</summary>
    private static int[] Validate(IReadOnlyList<double> pValues, double alpha)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        if (alpha is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "alpha must be in (0, 1)");
        }

        for (var i = 0; i < pValues.Count; i++)
        {
            if (double.IsNaN(pValues[i]) || pValues[i] < 0 || pValues[i] > 1)
            {
                throw new ArgumentOutOfRangeException(nameof(pValues), pValues[i], $"p-value {i} is not in [0, 1]");
            }
        }

        return [.. Enumerable.Range(0, pValues.Count).OrderBy(i => pValues[i])];
    }
}
