using MathNet.Numerics.Distributions;

namespace EvalHarness.Statistics;

/// <summary>
/// Exact McNemar test: under the null the b + c discordant pairs split as Binomial(b + c, ½), and the two-sided p is
/// min(1, 2·P(X ≤ min(b, c))), as statsmodels' <c>mcnemar(table, exact=True)</c>; b = c = 0 gives 1. The mid-p
/// variant (Fagerland, Lydersen and Laake 2013) subtracts the probability of the observed split once,
/// 2·P(X ≤ k) − P(X = k): the exact test is conservative with few discordant pairs, the mid-p much less so while
/// still keeping close to the nominal level.
/// </summary>
public static class McNemarTest
{
    /// <summary>Above this many discordant pairs the binomial coefficients no longer fit a double and MathNet is used.</summary>
    private const int DirectLimit = 1000;

    /// <summary>The exact two-sided p-value for b pairs where only the first passed and c where only the second did.</summary>
    public static double PValue(int b, int c) => Test(b, c).PValue;

    /// <summary>The mid-p two-sided p-value for the same counts.</summary>
    public static double MidPValue(int b, int c) => Test(b, c).MidPValue;

    /// <summary>Both p-values with the counts they came from.</summary>
    public static McNemarResult Test(int b, int c)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(b);
        ArgumentOutOfRangeException.ThrowIfNegative(c);
        var n = b + c;
        var k = Math.Min(b, c);
        if (n == 0)
        {
            return new McNemarResult(b, c, 1, 1);
        }

        double cdf;
        double pmf;
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
            pmf = Math.ScaleB(term, -n);
        }
        else
        {
            cdf = Binomial.CDF(0.5, n, k);
            pmf = Binomial.PMF(0.5, n, k);
        }

        // k ≤ n/2 keeps 2·cdf − pmf ≤ 1 (it is exactly 1 when b = c); the cap only guards rounding.
        return new McNemarResult(b, c, Math.Min(1, 2 * cdf), Math.Min(1, (2 * cdf) - pmf));
    }
}
