using MathNet.Numerics.Distributions;

namespace EvalHarness.Metrics;

/// <summary>
/// Interval estimates that match the reference implementations (statsmodels' Wilson interval,
/// scipy's t interval) to floating-point precision; see docs/metrics.md.
/// </summary>
public static class Intervals
{
    /// <summary>Wilson score interval for k successes in n trials, without clipping (as statsmodels).</summary>
    public static ConfidenceInterval? Wilson(long successes, long n, double confidence = 0.95)
    {
        if (n <= 0 || successes < 0 || successes > n)
        {
            return null;
        }

        var z = Normal.InvCDF(0, 1, 1 - ((1 - confidence) / 2));
        var p = (double)successes / n;
        var z2 = z * z;
        var denominator = 1 + (z2 / n);
        var center = (p + (z2 / (2.0 * n))) / denominator;
        var half = z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4.0 * n * n))) / denominator;
        return new ConfidenceInterval(center - half, center + half, IntervalMethods.Wilson);
    }

    /// <summary>Student-t interval of the mean (sample sd with n - 1); undefined below two values.</summary>
    public static ConfidenceInterval? StudentT(IReadOnlyList<double> values, double confidence = 0.95)
    {
        var n = values.Count;
        if (n < 2)
        {
            return null;
        }

        var mean = Mean(values);
        var sumSquares = 0.0;
        foreach (var v in values)
        {
            sumSquares += (v - mean) * (v - mean);
        }

        var sem = Math.Sqrt(sumSquares / (n - 1)) / Math.Sqrt(n);
        if (sem == 0)
        {
            return new ConfidenceInterval(mean, mean, IntervalMethods.StudentT);
        }

        var alpha = 1 - confidence;
        var lower = mean + (sem * StudentTQuantile(alpha / 2, n - 1));
        var upper = mean + (sem * StudentTQuantile(1 - (alpha / 2), n - 1));
        return new ConfidenceInterval(lower, upper, IntervalMethods.StudentT);
    }

    /// <summary>
    /// Percentile bootstrap interval of the mean. Seeded, so the same data and seed always give the
    /// same interval; the seed is recorded in the run log.
    /// </summary>
    public static ConfidenceInterval? Bootstrap(IReadOnlyList<double> values, int seed, double confidence = 0.95, int resamples = IntervalMethods.BootstrapResamples)
    {
        var n = values.Count;
        if (n < 2)
        {
            return null;
        }

        var random = new Random(seed);
        var means = new double[resamples];
        for (var b = 0; b < resamples; b++)
        {
            var sum = 0.0;
            for (var i = 0; i < n; i++)
            {
                sum += values[random.Next(n)];
            }

            means[b] = sum / n;
        }

        Array.Sort(means);
        var alpha = 1 - confidence;
        return new ConfidenceInterval(Percentile(means, alpha / 2), Percentile(means, 1 - (alpha / 2)), IntervalMethods.Bootstrap) { Resamples = resamples };
    }

    public static double Mean(IReadOnlyList<double> values)
    {
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += v;
        }

        return sum / values.Count;
    }

    /// <summary>Quantile of Student's t distribution (see <see cref="StudentTDistribution"/>).</summary>
    public static double StudentTQuantile(double p, int degreesOfFreedom) => StudentTDistribution.Quantile(p, degreesOfFreedom);

    /// <summary>Linear interpolation between order statistics (numpy's default percentile), for every bootstrap interval.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double q)
    {
        var position = q * (sorted.Count - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Count - 1);
        var fraction = position - below;
        return sorted[below] + ((sorted[above] - sorted[below]) * fraction);
    }
}
