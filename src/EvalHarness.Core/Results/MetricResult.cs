using EvalHarness.Scoring;

namespace EvalHarness.Results;

/// <summary>One metric of one scorer: value, interval and the number of samples behind it.</summary>
/// <param name="Unscored">Samples the scorer applied to but could not score (its error is in the log).</param>
public sealed record MetricResult(string Scorer, string Metric, double? Value, double? CiLow, double? CiHigh, string? CiMethod, int N, int Unscored)
{
    /// <summary>A rate (shown as a percentage, differences in percentage points) rather than a number on the scorer's scale.</summary>
    public bool Proportion { get; init; }

    /// <summary>Which way is better: what a comparison counts as a regression.</summary>
    public ScoreDirection Direction { get; init; }

    /// <summary>Of <see cref="Unscored"/>, the samples whose judge failed or gave no verdict (neither pass nor fail; <c>evalh score</c> completes them).</summary>
    public int JudgeErrors { get; init; }

    /// <summary>The statistic the value is, when the metric chose one (a panel's agreement: Fleiss' kappa or Krippendorff's alpha).</summary>
    public string? Statistic { get; init; }

    /// <summary>Resamples behind a bootstrap interval (<see cref="CiMethod"/> "bootstrap"); null for closed-form intervals.</summary>
    public int? CiResamples { get; init; }
}
