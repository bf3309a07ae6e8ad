namespace EvalHarness.Metrics;

/// <summary>Mean of graded scores with a Student-t interval.</summary>
internal sealed class MeanMetric : IMetric
{
    public static MeanMetric Default { get; } = new();

    public string Name => "mean";

    public string Description => "mean of sample scores; Student-t interval, clipped to the scorer's value range";

    public MetricValue Compute(MetricInput input)
    {
        var values = input.Scores.Select(s => s.Value).ToArray();
        if (values.Length == 0)
        {
            return MetricValue.Empty;
        }

        var mean = Intervals.Mean(values);
        var interval = Intervals.StudentT(values, input.Confidence);
        return new MetricValue(mean, input.Range is { } range ? range.Clip(interval, mean) : interval, values.Length);
    }
}
