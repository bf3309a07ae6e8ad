using EvalHarness.Metrics;

namespace EvalHarness.Judges.Metrics;

/// <summary>The share of samples whose value passes a test, with Wilson's interval (the samples are the units, so epochs do not narrow it).</summary>
internal static class ThresholdRate
{
    public static MetricValue Compute(MetricInput input, Func<double, bool> counts)
    {
        var n = input.Scores.Count;
        if (n == 0)
        {
            return MetricValue.Empty;
        }

        var hits = input.Scores.Count(s => counts(s.Value));
        return new MetricValue((double)hits / n, Intervals.Wilson(hits, n, input.Confidence), n);
    }
}
