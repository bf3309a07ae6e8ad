namespace EvalHarness.Metrics;

/// <summary>Mean with a seeded percentile-bootstrap interval, for skewed or bounded scores where t is poor.</summary>
internal sealed class BootstrapMeanMetric : IMetric
{
    public static BootstrapMeanMetric Default { get; } = new();

    public string Name => "mean_bootstrap";

    public string Description => "mean of sample scores; percentile bootstrap interval (2000 resamples, seeded by --seed)";

    public MetricValue Compute(MetricInput input)
    {
        var values = input.Scores.Select(s => s.Value).ToArray();
        return values.Length == 0
            ? MetricValue.Empty
            : new MetricValue(Intervals.Mean(values), input.WithInterval ? Intervals.Bootstrap(values, input.Seed, input.Confidence) : null, values.Length);
    }
}
