using EvalHarness.Scoring;

namespace EvalHarness.Metrics;

/// <summary>
/// Share of samples scored correct. With pass/fail values the interval is Wilson's; once epochs are
/// averaged into fractions the data are no longer Bernoulli, so the t interval is used instead.
/// </summary>
internal sealed class AccuracyMetric : IMetric
{
    public static AccuracyMetric Default { get; } = new();

    public string Name => "accuracy";

    public string Description => "share of samples scored correct; Wilson interval (t interval when epoch averaging gives fractions)";

    /// <summary>A rate whatever the scorer's kind.</summary>
    public MetricMeaning Meaning(ScoreMeaning scorer) => new(true, scorer.Direction);

    public MetricValue Compute(MetricInput input)
    {
        var n = input.Scores.Count;
        if (n == 0)
        {
            return MetricValue.Empty;
        }

        var values = new double[n];
        var binary = true;
        var successes = 0L;
        for (var i = 0; i < n; i++)
        {
            var v = input.Scores[i].Value;
            values[i] = v;
            if (v == 1)
            {
                successes++;
            }
            else if (v != 0)
            {
                binary = false;
            }
        }

        return binary
            ? new MetricValue((double)successes / n, Intervals.Wilson(successes, n, input.Confidence), n)
            : Fractions(values, input);
    }

    private static MetricValue Fractions(double[] values, MetricInput input)
    {
        // A share cannot leave [0, 1] whatever the scorer declares.
        var mean = Intervals.Mean(values);
        return new MetricValue(mean, (input.Range ?? ValueRange.Unit).Clip(Intervals.StudentT(values, input.Confidence), mean), values.Length);
    }
}
