namespace EvalHarness.Gating;

/// <summary>
/// One evaluation of one rule: a threshold on one suite's metric (or one group's, or one overview entry), one
/// non-regression row, one covered id, or an error rate. <see cref="Scope"/> names what was checked.
/// </summary>
/// <param name="Status"><see cref="OutcomeStatus"/>.</param>
/// <param name="Observed">The number compared with the limit; null when there was none (the reason says why).</param>
/// <param name="Limit">The limit as text ("≥ 0.9", "≤ 0.05", "no significant regression at α = 0.05").</param>
public sealed record RuleOutcome(string Rule, string Kind, string Scope, string Status, double? Observed, string Limit, string Reason)
{
    public string? Suite { get; init; }

    public string? Scorer { get; init; }

    public string? Metric { get; init; }

    /// <summary>"key = value" for a group, or the overview entry's id.</summary>
    public string? Group { get; init; }

    /// <summary>The samples (or pairs) behind <see cref="Observed"/>.</summary>
    public int? N { get; init; }

    /// <summary>For a failing threshold over a pass/fail scorer: the first failed samples (at most <see cref="GateEvaluator.MaxFailedSamples"/>).</summary>
    public IReadOnlyList<FailedSample>? FailedSamples { get; init; }

    /// <summary>How many samples failed in all, when <see cref="FailedSamples"/> lists only the first of them.</summary>
    public int? FailedSamplesTotal { get; init; }

    public bool Failed => Status == OutcomeStatus.Fail;
}
