namespace EvalHarness.Gating;

/// <summary>
/// A bound on a metric (suite, scorer, metric; optionally per group) or on the overview's pass rate per risk,
/// perspective or quality category: its value or an end of its interval, optionally as an absolute value, at least
/// <see cref="Min"/> and/or at most <see cref="Max"/>.
/// </summary>
/// <param name="Suites">Only these suites; empty for every suite with the metric.</param>
/// <param name="Scorers">Only these scorers (ids); empty for any.</param>
/// <param name="Metric">The metric's name; null when the rule checks the overview instead.</param>
/// <param name="Overview">The overview taxonomy checked; null when the rule checks a metric.</param>
/// <param name="Ids">With <see cref="Overview"/>: only these entries (each must be measured); empty for every measured entry.</param>
/// <param name="Per">A group_by key: one check per value of it in each matching suite; null for the suite as a whole.</param>
public sealed record ThresholdRule(
    string Id,
    string? Description,
    IReadOnlyList<string> Suites,
    IReadOnlyList<string> Scorers,
    string? Metric,
    OverviewKind? Overview,
    IReadOnlyList<string> Ids,
    MetricBound Bound,
    bool Absolute,
    double? Min,
    double? Max,
    string? Per,
    int MinSamples) : GateRule(Id, Description)
{
    public override string Kind => "threshold";
}
