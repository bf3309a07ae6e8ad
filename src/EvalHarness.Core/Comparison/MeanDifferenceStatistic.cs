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
