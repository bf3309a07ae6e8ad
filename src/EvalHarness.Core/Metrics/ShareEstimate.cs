namespace EvalHarness.Metrics;

/// <summary>
/// The mean of per-sample values in [0, 1] with its interval: Wilson's when every value is 0 or 1 (each sample a
/// Bernoulli trial), Student's t clipped to [0, 1] once epoch averaging made fractions (as <c>accuracy</c> does).
/// For the rate metrics of the risk packs.
/// </summary>
public static class ShareEstimate
{
    public static MetricValue Of(IReadOnlyList<double> values, double confidence)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return MetricValue.Empty;
        }

        var mean = Intervals.Mean(values);
        if (values.All(v => v is 0 or 1))
        {
            var hits = values.Count(v => v == 1);
            return new MetricValue(mean, Intervals.Wilson(hits, values.Count, confidence), values.Count);
        }

        return new MetricValue(mean, ValueRange.Unit.Clip(Intervals.StudentT(values, confidence), mean), values.Count);
    }
}
