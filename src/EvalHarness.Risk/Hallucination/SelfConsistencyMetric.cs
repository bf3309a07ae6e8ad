using EvalHarness.Extensions;
using EvalHarness.Metrics;
using EvalHarness.Scoring;

namespace EvalHarness.Risk.Hallucination;

/// <summary>
/// Agreement of a model with itself across epochs: for each sample with at least two recorded answers
/// (<c>Score.Answer</c>, which the hallucination scorers normalise), the share of epoch pairs whose answers
/// are equal; the metric is the mean of those shares over samples. Two abstentions agree; a consistently
/// wrong answer is consistent, so read it beside accuracy.
/// </summary>
internal sealed class SelfConsistencyMetric : IMetric
{
    public static SelfConsistencyMetric Default { get; } = new();

    string IExtension.Name => HallucinationMetricNames.SelfConsistency;

    public string Description => "agreement of a sample's answers across epochs: mean over samples of the share of epoch pairs with equal (normalised) answers; samples with fewer than two answers are left out; Wilson or t interval";

    public MetricMeaning Meaning(ScoreMeaning scorer) => new(true, ScoreDirection.HigherIsBetter);

    public MetricValue Compute(MetricInput input)
    {
        var shares = new List<double>(input.Scores.Count);
        foreach (var sample in input.Scores)
        {
            if (PairAgreement(sample.EpochScores.Select(s => s.Answer).OfType<string>().ToList()) is { } share)
            {
                shares.Add(share);
            }
        }

        return ShareEstimate.Of(shares, input.Confidence);
    }

    /// <summary>The share of unordered pairs of <paramref name="answers"/> that are equal; null below two answers.</summary>
    public static double? PairAgreement(IReadOnlyList<string> answers)
    {
        if (answers.Count < 2)
        {
            return null;
        }

        var pairs = 0;
        var agreeing = 0;
        for (var i = 0; i < answers.Count; i++)
        {
            for (var j = i + 1; j < answers.Count; j++)
            {
                pairs++;
                if (string.Equals(answers[i], answers[j], StringComparison.Ordinal))
                {
                    agreeing++;
                }
            }
        }

        return (double)agreeing / pairs;
    }
}
