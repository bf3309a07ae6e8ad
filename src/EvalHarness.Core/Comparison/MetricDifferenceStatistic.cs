using System.Globalization;
using EvalHarness.Metrics;

namespace EvalHarness.Comparison;

/// <summary>
/// B − A of a metric computed on each run's resampled paired samples (with <see cref="MetricInput.WithInterval"/>
/// false). A unit drawn a second or third time brings copies of its samples whose <c>pair_id</c> (and id) carry the
/// draw number, so pair-based metrics count it as another pair rather than an incomplete or repeated one.
/// </summary>
internal sealed class MetricDifferenceStatistic : ResampledStatistic
{
    private const string PairKey = "pair_id";

    private readonly IMetric _metric;
    private readonly ResamplingUnits _units;
    private readonly SampleScore[] _a;
    private readonly SampleScore[] _b;
    private readonly MetricInput _templateA;
    private readonly MetricInput _templateB;
    private readonly List<SampleScore> _resampleA;
    private readonly List<SampleScore> _resampleB;
    private readonly int[] _drawn;
    private readonly bool _paired;
    private readonly Dictionary<(int Sample, int Copy), (SampleScore A, SampleScore B)> _copies = [];

    /// <param name="templateA">A's input over all paired samples (its population, meaning, range); only the scores change per resample.</param>
    public MetricDifferenceStatistic(IMetric metric, ResamplingUnits units, MetricInput templateA, MetricInput templateB, int resamples)
        : base(resamples)
    {
        _metric = metric;
        _units = units;
        _a = [.. templateA.Scores];
        _b = [.. templateB.Scores];
        _templateA = templateA with { WithInterval = false };
        _templateB = templateB with { WithInterval = false };
        _resampleA = new List<SampleScore>(_a.Length);
        _resampleB = new List<SampleScore>(_b.Length);
        _drawn = new int[units.Count];
        _paired = _a.Any(s => s.Metadata.ContainsKey(PairKey)) || _b.Any(s => s.Metadata.ContainsKey(PairKey));
    }

    protected override double? Difference(int[] draws)
    {
        // Counting the draws first, then walking the units in order, reads the samples sequentially: at 100,000
        // samples random reads of them cost more than the counting.
        foreach (var u in draws)
        {
            _drawn[u]++;
        }

        _resampleA.Clear();
        _resampleB.Clear();
        for (var u = 0; u < _drawn.Length; u++)
        {
            var times = _drawn[u];
            _drawn[u] = 0;
            for (var copy = 0; copy < times; copy++)
            {
                for (var k = _units.Start[u]; k < _units.Start[u + 1]; k++)
                {
                    var sample = _units.Members[k];
                    if (copy == 0 || !_paired)
                    {
                        _resampleA.Add(_a[sample]);
                        _resampleB.Add(_b[sample]);
                    }
                    else
                    {
                        var (a, b) = Copy(sample, copy);
                        _resampleA.Add(a);
                        _resampleB.Add(b);
                    }
                }
            }
        }

        var valueA = _metric.Compute(_templateA with { Scores = _resampleA }).Value;
        var valueB = _metric.Compute(_templateB with { Scores = _resampleB }).Value;
        return valueA is { } x && valueB is { } y ? y - x : null;
    }

    private (SampleScore A, SampleScore B) Copy(int sample, int copy)
    {
        if (!_copies.TryGetValue((sample, copy), out var pair))
        {
            pair = (Renamed(_a[sample], copy), Renamed(_b[sample], copy));
            _copies[(sample, copy)] = pair;
        }

        return pair;
    }

    private static SampleScore Renamed(SampleScore score, int copy)
    {
        var suffix = "#" + copy.ToString(CultureInfo.InvariantCulture);
        var metadata = new Dictionary<string, string>(score.Metadata, StringComparer.Ordinal);
        if (metadata.TryGetValue(PairKey, out var pair))
        {
            metadata[PairKey] = pair + suffix;
        }

        return score with { SampleId = score.SampleId + suffix, Metadata = metadata };
    }
}
