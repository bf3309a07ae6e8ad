using EvalHarness.Metrics;

namespace EvalHarness.Scorers.Similarity;

/// <summary>
/// Percentile bootstrap for corpus-level scores: samples (each a vector of summed statistics) are
/// drawn with replacement, their statistics summed, and the corpus score computed for each resample.
/// The generator is seeded with the run's seed, so a report reproduces the interval exactly.
/// </summary>
internal static class CorpusBootstrap
{
    public const int Resamples = IntervalMethods.BootstrapResamples;

    /// <summary>The interval, or null below two samples (as for every other bootstrap interval).</summary>
    public static ConfidenceInterval? Interval(IReadOnlyList<long[]> samples, Func<long[], double> score, int seed, double confidence)
    {
        var n = samples.Count;
        if (n < 2)
        {
            return null;
        }

        var width = samples[0].Length;
        var random = new Random(seed);
        var scores = new double[Resamples];
        var sum = new long[width];
        for (var b = 0; b < Resamples; b++)
        {
            Array.Clear(sum);
            for (var i = 0; i < n; i++)
            {
                var drawn = samples[random.Next(n)];
                for (var k = 0; k < width; k++)
                {
                    sum[k] += drawn[k];
                }
            }

            scores[b] = score(sum);
        }

        Array.Sort(scores);
        var alpha = 1 - confidence;
        return new ConfidenceInterval(Intervals.Percentile(scores, alpha / 2), Intervals.Percentile(scores, 1 - (alpha / 2)), IntervalMethods.Bootstrap) { Resamples = Resamples };
    }

    /// <summary>Sums vectors of equal length.</summary>
    public static long[] Total(IReadOnlyList<long[]> samples)
    {
        var total = new long[samples[0].Length];
        foreach (var sample in samples)
        {
            for (var k = 0; k < total.Length; k++)
            {
                total[k] += sample[k];
            }
        }

        return total;
    }
}
