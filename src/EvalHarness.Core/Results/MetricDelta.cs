using EvalHarness.Scoring;

namespace EvalHarness.Results;

/// <summary>
/// One metric in two runs. <see cref="Delta"/> is candidate − baseline; whether that is a regression
/// depends on <see cref="Direction"/> (a rise in a violation rate is one).
/// </summary>
/// <param name="Group">"key = value" for a metadata group, "risk: …"/"perspective: …" for the overview, null for the whole suite.</param>
/// <param name="Change">"regression", "improvement", "unchanged", "added" (only in the candidate) or "removed" (only in the baseline).</param>
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
}
