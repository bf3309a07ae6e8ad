using EvalHarness.Extensions;
using EvalHarness.Scoring;

namespace EvalHarness.Metrics;

/// <summary>Summarises a scorer's sample scores into one number with an interval.</summary>
public interface IMetric : IExtension
{
    MetricValue Compute(MetricInput input);

    /// <summary>How this metric's values read for a scorer with <paramref name="scorer"/>'s meaning (a violation rate is a rate whatever the scale, and lower is better).</summary>
    MetricMeaning Meaning(ScoreMeaning scorer) => MetricMeaning.Of(scorer);

    /// <summary>True when the metric has nothing to say in some runs (agreement with a single judge) and is then left out of the results rather than shown empty.</summary>
    bool OmitWhenEmpty => false;
}
