using EvalHarness.Metrics;
using MathNet.Numerics.Distributions;

namespace EvalHarness.Judges.Agreement;

/// <summary>
/// A confidence interval for Cohen's κ from the large-sample (non-null) standard error of Fleiss, Cohen &amp;
/// Everitt (1969), "Large sample standard errors of kappa and weighted kappa", Psychological Bulletin 72(5):
/// with agreement weights w (1 on the diagonal; 1 − d/d_max for the disagreement weights d of
/// <see cref="KappaWeighting"/>), cell proportions p, margins p_i. and p_.j, and p_e = Σ w·p_i.·p_.j,
/// </summary>
/// <remarks>
/// <para>var(κ) = ( Σ_ij p_ij [w_ij − (w̄_i. + w̄_.j)(1 − κ)]² − [κ − p_e(1 − κ)]² ) / ( n (1 − p_e)² ),
/// where w̄_i. = Σ_j p_.j w_ij and w̄_.j = Σ_i p_i. w_ij; unweighted, this is the paper's formula for κ.</para>
/// <para>The interval is the Wald interval κ ± z·SE, clipped to [−1, 1]. It is an asymptotic interval: with
/// few items, or with κ at 1 (where the standard error is 0), it is too narrow; read it with the number of items.</para>
/// </remarks>
public static class CohenKappaInterval
{
    /// <summary>How the interval is computed, in words a report can show.</summary>
    public const string Method = "Fleiss, Cohen & Everitt (1969) large-sample standard error; Wald interval κ ± z·SE, clipped to [−1, 1]";

    /// <summary>The method's short name, as <see cref="ConfidenceInterval.Method"/>.</summary>
    public const string MethodName = "fleiss-cohen-everitt-1969";

    /// <summary>κ, its standard error and the interval from a confusion matrix of counts (rater 1 as rows); null when κ is undefined.</summary>
    /// <param name="confusion">Square, counts of items per (rater 1 category, rater 2 category), categories in their order.</param>
    public static KappaInterval? Compute(double[,] confusion, KappaWeighting weighting = KappaWeighting.Unweighted, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(confusion);
        var k = confusion.GetLength(0);
        if (k != confusion.GetLength(1))
        {
            throw new ArgumentException("the confusion matrix must be square", nameof(confusion));
        }

        var n = 0.0;
        foreach (var count in confusion)
        {
            n += count;
        }

        if (n <= 0 || k < 2)
        {
            return null;
        }

        var p = new double[k, k];
        var rows = new double[k];
        var columns = new double[k];
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                p[i, j] = confusion[i, j] / n;
                rows[i] += p[i, j];
                columns[j] += p[i, j];
            }
        }

        var w = AgreementWeights(k, weighting);
        double observed = 0, expected = 0;
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                observed += w[i, j] * p[i, j];
                expected += w[i, j] * rows[i] * columns[j];
            }
        }

        // Chance agreement already complete: κ is undefined (as CohenKappa reports it).
        if (1 - expected <= 0)
        {
            return null;
        }

        var kappa = (observed - expected) / (1 - expected);
        var rowMeans = new double[k];
        var columnMeans = new double[k];
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                rowMeans[i] += columns[j] * w[i, j];
                columnMeans[j] += rows[i] * w[i, j];
            }
        }

        var sum = 0.0;
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                var term = w[i, j] - ((rowMeans[i] + columnMeans[j]) * (1 - kappa));
                sum += p[i, j] * term * term;
            }
        }

        var last = kappa - (expected * (1 - kappa));
        // Rounding can leave a tiny negative where the exact variance is 0 (perfect agreement).
        var variance = Math.Max(0, (sum - (last * last)) / (n * (1 - expected) * (1 - expected)));
        var standardError = Math.Sqrt(variance);
        var z = Normal.InvCDF(0, 1, 1 - ((1 - confidence) / 2));
        return new KappaInterval(
            kappa,
            standardError,
            new ConfidenceInterval(Math.Max(-1, kappa - (z * standardError)), Math.Min(1, kappa + (z * standardError)), MethodName));
    }

    private static double[,] AgreementWeights(int k, KappaWeighting weighting)
    {
        var maximum = weighting switch
        {
            KappaWeighting.Unweighted => 1.0,
            KappaWeighting.Linear => k - 1,
            KappaWeighting.Quadratic => (k - 1.0) * (k - 1.0),
            _ => throw new ArgumentOutOfRangeException(nameof(weighting), weighting, "unknown weighting"),
        };
        var w = new double[k, k];
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < k; j++)
            {
                var d = weighting switch
                {
                    KappaWeighting.Unweighted => i == j ? 0 : 1,
                    KappaWeighting.Linear => Math.Abs(i - j),
                    _ => (i - j) * (double)(i - j),
                };
                w[i, j] = 1 - (d / maximum);
            }
        }

        return w;
    }
}
