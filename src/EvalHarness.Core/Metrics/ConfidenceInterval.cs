namespace EvalHarness.Metrics;

/// <summary>An interval estimate and the method that produced it ("wilson", "t", "bootstrap").</summary>
public sealed record ConfidenceInterval(double Low, double High, string Method)
{
    /// <summary>How many resamples a bootstrap interval drew; null for closed-form intervals.</summary>
    public int? Resamples { get; init; }
}
