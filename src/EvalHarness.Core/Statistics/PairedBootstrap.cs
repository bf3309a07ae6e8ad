namespace EvalHarness.Statistics;

/// <summary>
/// Percentile bootstrap of the mean paired difference a − b (two models on the same samples). Rows are resampled as
/// pairs, so the correlation between the two models' results is kept. With clusters (a sample id per row, one row per
/// epoch) whole clusters are drawn, so the epochs of one sample move together: the epochs are not independent
/// evidence, and resampling them as rows would make the interval too narrow. A clustered resample's difference is
/// the mean over all the rows its drawn clusters hold. Seeded with <see cref="System.Random"/>, like the bootstrap
/// metrics (Intervals.Bootstrap), and percentiles interpolate linearly between order statistics (numpy's default).
/// </summary>
public static class PairedBootstrap
{
    public const int DefaultResamples = 2000;

    public const string Method = "paired bootstrap";

    /// <summary>
    /// The observed mean difference of <paramref name="a"/> − <paramref name="b"/> and its percentile interval.
    /// <paramref name="clusters"/>, when given, names each row's cluster (the sample id). Null interval bounds when
    /// there are fewer than two units to resample.
    /// </summary>
    public static PairedBootstrapResult MeanDifference(
        IReadOnlyList<double> a,
        IReadOnlyList<double> b,
        int seed,
        double confidence = 0.95,
        int resamples = DefaultResamples,
        IReadOnlyList<string>? clusters = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count != b.Count)
        {
            throw new ArgumentException($"paired values need equal counts ({a.Count} and {b.Count})", nameof(b));
        }

        if (clusters is not null && clusters.Count != a.Count)
        {
            throw new ArgumentException($"one cluster per row is needed ({clusters.Count} for {a.Count} rows)", nameof(clusters));
        }

        if (confidence is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "confidence must be in (0, 1)");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 2);

        // Each unit (a row, or a cluster) as (sum of differences, rows): a resample's mean is Σ sums / Σ rows.
        var units = Units(a, b, clusters);
        var rows = a.Count;
        var observed = rows == 0 ? double.NaN : units.Sum(u => u.Sum) / rows;
        if (units.Count < 2)
        {
            return new PairedBootstrapResult(observed, null, null, confidence, seed, resamples, rows, units.Count, clusters is not null);
        }

        var random = new Random(seed);
        var means = CountResampler.Kinds(units) is { } kinds ? CountResampler.Means(kinds, units.Count, resamples, random) : ByDraws(units, resamples, random);
        Array.Sort(means);
        var alpha = 1 - confidence;
        return new PairedBootstrapResult(
            observed, Percentile(means, alpha / 2), Percentile(means, 1 - (alpha / 2)), confidence, seed, resamples, rows, units.Count, clusters is not null);
    }

    private static double[] ByDraws(List<(double Sum, int Rows)> units, int resamples, Random random)
    {
        var means = new double[resamples];
        for (var r = 0; r < resamples; r++)
        {
            var sum = 0.0;
            var count = 0;
            for (var i = 0; i < units.Count; i++)
            {
                var unit = units[random.Next(units.Count)];
                sum += unit.Sum;
                count += unit.Rows;
            }

            means[r] = sum / count;
        }

        return means;
    }

    private static List<(double Sum, int Rows)> Units(IReadOnlyList<double> a, IReadOnlyList<double> b, IReadOnlyList<string>? clusters)
    {
        if (clusters is null)
        {
            return [.. Enumerable.Range(0, a.Count).Select(i => (a[i] - b[i], 1))];
        }

        // Clusters in order of first appearance, so the same input always gives the same resamples.
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var units = new List<(double Sum, int Rows)>();
        for (var i = 0; i < a.Count; i++)
        {
            if (!index.TryGetValue(clusters[i], out var u))
            {
                u = units.Count;
                index[clusters[i]] = u;
                units.Add((0, 0));
            }

            units[u] = (units[u].Sum + (a[i] - b[i]), units[u].Rows + 1);
        }

        return units;
    }

    private static double Percentile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + ((sorted[above] - sorted[below]) * (position - below));
    }
}
