using EvalHarness.Scoring;

namespace EvalHarness.Results;

/// <summary>
/// One metric in two runs, over the samples both scored. <see cref="Delta"/> is candidate − baseline with its 95%
/// paired-bootstrap interval; <see cref="Change"/> is <see cref="Comparison.RunComparer"/>'s verdict: a regression only
/// when significant after the multiple-testing adjustment, by the metric's <see cref="Direction"/>.
/// </summary>
/// <param name="Group">"key = value" for a metadata group, "risk: …"/"perspective: …" for the overview, null for the whole suite.</param>
/// <param name="Change">"regression", "improvement" (both significant), "no significant change", "too few samples to tell", "added" (only in the candidate) or "removed" (only in the baseline).</param>
public sealed record MetricDelta(
    string Suite,
    string Scorer,
    string Metric,
    string? Group,
    double? Baseline,
    double? Candidate,
    double? Delta,
    int BaselineN,
    int CandidateN,
    string Change)
{
    /// <summary>A rate: the delta reads in percentage points.</summary>
    public bool Proportion { get; init; }

    public ScoreDirection Direction { get; init; }

    /// <summary>The 95% paired-bootstrap interval of <see cref="Delta"/>.</summary>
    public double? Lower { get; init; }

    public double? Upper { get; init; }

    /// <summary>McNemar exact (or mid-p), Wilcoxon signed-rank, or paired bootstrap; null for added and removed metrics.</summary>
    public string? Test { get; init; }

    public double? PValue { get; init; }

    /// <summary>The p-value after the Holm (or Benjamini–Hochberg) adjustment across every row compared.</summary>
    public double? AdjustedPValue { get; init; }

    /// <summary>The adjusted p-value is below α.</summary>
    public bool Significant { get; init; }

    /// <summary>The minimum detectable difference at α with 80% power at this n.</summary>
    public double? DetectableDifference { get; init; }

    /// <summary>The comparison row the figures come from, for formatting; not written to JSON (the figures above are).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Comparison.CompareRow? Row { get; init; }
}
