namespace EvalHarness.Metrics;

/// <summary>A metric's value with its interval; null value when there was nothing to measure.</summary>
public sealed record MetricValue(double? Value, ConfidenceInterval? Interval, int N)
{
    public static MetricValue Empty { get; } = new(null, null, 0);

    /// <summary>The statistic the value is, when the metric's name does not say (Fleiss' kappa, Krippendorff's alpha).</summary>
    public string? Statistic { get; init; }
}
