using System.Globalization;
using EvalHarness.Extensions;
using EvalHarness.Japanese.Aisev.Gsn;
using EvalHarness.Metrics;
using EvalHarness.Scoring;

namespace EvalHarness.Japanese.Aisev;

/// <summary>
/// <c>aisev_gsn</c>: aisev's GSN-weighted perspective score (with <c>--gsn</c>). Over a perspective group it is the
/// score aisev's GSN mode gives that perspective; it has no interval, and none where several perspectives meet.
/// </summary>
internal sealed class AisevGsnMetric : IMetric
{
    public const string Name = "aisev_gsn";

    public static AisevGsnMetric Default { get; } = new();

    string IExtension.Name => Name;

    public string Description => "aisev's GSN-weighted 0–100 score: 100 × Σ leaf accuracy × leaf weight over the covered leaves (needs --gsn; per perspective)";

    public MetricMeaning Meaning(ScoreMeaning scorer) => new(false, scorer.Direction);

    public MetricValue Compute(MetricInput input) => GsnSum.Of(input.Scores) is { } sum
        ? new MetricValue(sum.Score, null, sum.Rows) { Statistic = string.Create(CultureInfo.InvariantCulture, $"covered weight {sum.CoveredWeight:0.######} over {sum.Leaves} leaves") }
        : MetricValue.Empty;
}
