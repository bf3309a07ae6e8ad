using EvalHarness.Metrics;

namespace EvalHarness.Risk.Hallucination;

/// <summary>A mean of per-sample shares in [0, 1] with its interval: Wilson when every share is 0 or 1, otherwise Student t clipped to [0, 1] (as <c>accuracy</c> does once epochs are averaged).</summary>
internal static class ShareInterval
{
    public static MetricValue Of(IReadOnlyList<double> shares, double confidence)
    {
        if (shares.Count == 0)
        {
            return MetricValue.Empty;
        }

        var mean = Intervals.Mean(shares);
        if (shares.All(s => s is 0 or 1))
        {
            var successes = shares.LongCount(s => s == 1);
            return new MetricValue(mean, Intervals.Wilson(successes, shares.Count, confidence), shares.Count);
        }

        return new MetricValue(mean, ValueRange.Unit.Clip(Intervals.StudentT(shares, confidence), mean), shares.Count);
    }
}
