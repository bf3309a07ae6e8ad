using EvalHarness.Extensions;
using EvalHarness.Metrics;
using EvalHarness.Scoring;

namespace EvalHarness.Risk.Hallucination;

/// <summary>
/// The share of answers with a 0/1 sub-value set (<c>abstained</c>, <c>confident_wrong</c>): per sample the
/// share of its epochs, then the mean over samples, so epochs never narrow the interval. Samples whose
/// scores lack the value (another scorer kind) are left out.
/// </summary>
internal sealed class ValueRateMetric(string name, string valueName, string description, ScoreDirection direction) : IMetric
{
    public static ValueRateMetric AbstentionRate { get; } = new(
        HallucinationMetricNames.AbstentionRate,
        HallucinationValues.Abstained,
        "share of answers that abstain (say they do not know); per sample over epochs, then over samples; Wilson or t interval. Declared lower-is-better because every closed-book question has a verifiable answer; read it beside confident_wrong_rate, since abstaining beats a wrong answer",
        ScoreDirection.LowerIsBetter);

    public static ValueRateMetric ConfidentWrongRate { get; } = new(
        HallucinationMetricNames.ConfidentWrongRate,
        HallucinationValues.ConfidentWrong,
        "share of answers that are wrong without abstaining (hedged wrong answers included); per sample over epochs, then over samples; Wilson or t interval; lower is better",
        ScoreDirection.LowerIsBetter);

    string IExtension.Name => name;

    public string Description => description;

    public MetricMeaning Meaning(ScoreMeaning scorer) => new(true, direction);

    public MetricValue Compute(MetricInput input)
    {
        var shares = new List<double>(input.Scores.Count);
        foreach (var sample in input.Scores)
        {
            var flags = sample.EpochScores
                .Select(s => s.Values is { } values && values.TryGetValue(valueName, out var v) ? v : (double?)null)
                .OfType<double>()
                .ToList();
            if (flags.Count > 0)
            {
                shares.Add(flags.Average());
            }
        }

        return ShareEstimate.Of(shares, input.Confidence);
    }
}
