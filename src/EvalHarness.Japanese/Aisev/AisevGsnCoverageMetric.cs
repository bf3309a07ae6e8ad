using EvalHarness.Extensions;
using EvalHarness.Japanese.Aisev.Gsn;
using EvalHarness.Metrics;
using EvalHarness.Scoring;

namespace EvalHarness.Japanese.Aisev;

/// <summary>
/// <c>aisev_gsn_coverage</c>: the GSN weight the scored rows cover. aisev does not redistribute the weight of leaves
/// without rows, so <c>aisev_gsn</c> cannot exceed 100 × this; shown so a low GSN score is not misread.
/// </summary>
internal sealed class AisevGsnCoverageMetric : IMetric
{
    public const string Name = "aisev_gsn_coverage";

    public static AisevGsnCoverageMetric Default { get; } = new();

    string IExtension.Name => Name;

    public string Description => "share of the GSN tree's weight that the scored rows cover: aisev_gsn is at most 100 × this (needs --gsn)";

    public MetricMeaning Meaning(ScoreMeaning scorer) => new(true, ScoreDirection.HigherIsBetter);

    public MetricValue Compute(MetricInput input) => GsnSum.Of(input.Scores) is { } sum
        ? new MetricValue(sum.CoveredWeight, null, sum.Rows)
        : MetricValue.Empty;
}
