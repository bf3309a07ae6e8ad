using MathNet.Numerics.Distributions;

namespace EvalHarness.Risk.Bias;

/// <summary>
/// Exact McNemar test: under the null the b + c discordant pairs split as Binomial(b + c, ½), and the two-sided p is
/// min(1, 2·P(X ≤ min(b, c))), as statsmodels' <c>mcnemar(table, exact=True)</c>; b = c = 0 gives 1.
/// </summary>
internal static class McNemarTest
{
    /// <summary>Above this many discordant pairs the binomial coefficients no longer fit a double and MathNet's CDF is used.</summary>
    private const int DirectLimit = 1000;

    public static double PValue(int b, int c)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(b);
        ArgumentOutOfRangeException.ThrowIfNegative(c);
        var n = b + c;
        var k = Math.Min(b, c);
        if (n == 0)
        {
            return 1;
        }

        double cdf;
        if (n <= DirectLimit)
        {
            // Σ C(n, i) for i ≤ k, then one exact scaling by 2^-n: no per-term rounding of tiny probabilities.
            var term = 1.0;
            var sum = 1.0;
            for (var i = 1; i <= k; i++)
            {
                term = term * (n - i + 1) / i;
                sum += term;
            }

            cdf = Math.ScaleB(sum, -n);
        }
        else
        {
            cdf = Binomial.CDF(0.5, n, k);
        }

        return Math.Min(1, 2 * cdf);
    }
}
