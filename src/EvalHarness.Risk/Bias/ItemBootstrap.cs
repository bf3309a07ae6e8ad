using EvalHarness.Metrics;

namespace EvalHarness.Risk.Bias;

/// <summary>
/// Percentile bootstrap of a statistic of items (a ratio of summed counts, a mean of pair differences): items are
/// drawn with replacement, seeded by the run's seed, and resamples where the statistic is undefined are skipped.
/// Percentiles interpolate linearly between order statistics (numpy's default), as <c>mean_bootstrap</c> does.
/// </summary>
internal static class ItemBootstrap
{
    public const int Resamples = IntervalMethods.BootstrapResamples;

    public const string Method = IntervalMethods.Bootstrap;

    public static ConfidenceInterval? Percentile<T>(IReadOnlyList<T> items, Func<T, T, T> add, T zero, Func<T, double?> statistic, int seed, double confidence)
    {
        var n = items.Count;
        if (n < 2)
        {
            return null;
        }

        var random = new Random(seed);
        var values = new List<double>(Resamples);
        for (var b = 0; b < Resamples; b++)
        {
            var sum = zero;
            for (var i = 0; i < n; i++)
            {
                sum = add(sum, items[random.Next(n)]);
            }

            if (statistic(sum) is { } value)
            {
                values.Add(value);
            }
        }

        if (values.Count < 2)
        {
            return null;
        }

        values.Sort();
        var alpha = 1 - confidence;
        return new ConfidenceInterval(Intervals.Percentile(values, alpha / 2), Intervals.Percentile(values, 1 - (alpha / 2)), Method) { Resamples = Resamples };
    }

    public static ConfidenceInterval? OfTallies(IReadOnlyList<BbqTally> items, Func<BbqTally, double?> statistic, int seed, double confidence) =>
        Percentile(items, static (a, b) => a + b, default, statistic, seed, confidence);
}
