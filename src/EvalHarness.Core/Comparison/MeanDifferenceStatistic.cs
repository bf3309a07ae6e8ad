using EvalHarness.Statistics;

namespace EvalHarness.Comparison;

/// <summary>
/// B − A of the mean per-sample value: per unit the sum of B − A over its samples and their count, precomputed, so a
/// resample costs one addition per drawn unit whatever n is.
/// </summary>
internal sealed class MeanDifferenceStatistic : ResampledStatistic
{
    private readonly double[] _sums;
    private readonly int[] _counts;

    public MeanDifferenceStatistic(ResamplingUnits units, IReadOnlyList<double> a, IReadOnlyList<double> b, int resamples)
        : base(resamples)
    {
        _sums = new double[units.Count];
        _counts = new int[units.Count];
        for (var u = 0; u < units.Count; u++)
        {
            for (var k = units.Start[u]; k < units.Start[u + 1]; k++)
            {
                var i = units.Members[k];
                _sums[u] += b[i] - a[i];
            }

            _counts[u] = units.Start[u + 1] - units.Start[u];
        }
    }

    /// <summary>
    /// Resamples by drawing how many units of each kind (sum of B − A, samples) a resample holds, when the units are of
    /// few kinds and many: the same bootstrap distribution as drawing units one by one, at a cost that does not grow
    /// with n. False when drawing units is needed or as cheap; nothing is recorded then.
    /// </summary>
    public bool TryResampleByCounts(int seed, int resamples)
    {
        var units = new (double Sum, int Rows)[_sums.Length];
        for (var u = 0; u < units.Length; u++)
        {
            units[u] = (_sums[u], _counts[u]);
        }

        if (CountResampler.Kinds(units) is not { } kinds)
        {
            return false;
        }

        foreach (var mean in CountResampler.Means(kinds, units.Length, resamples, new Random(seed)))
        {
            Record(mean);
        }

        return true;
    }

    protected override double? Difference(int[] draws)
    {
        var sum = 0.0;
        var count = 0;
        for (var i = 0; i < draws.Length; i++)
        {
            var u = draws[i];
            sum += _sums[u];
            count += _counts[u];
        }

        return sum / count;
    }
}
