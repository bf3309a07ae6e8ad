using System.Globalization;
using EvalHarness.Extensions;
using EvalHarness.Japanese.Aisev.Gsn;
using EvalHarness.Metrics;
using EvalHarness.Scoring;

namespace EvalHarness.Japanese.Aisev;

/// <summary>
/// <c>aisev_gsn</c>: aisev's GSN-weighted perspective score (with <c>--gsn</c>). Over a perspective group it is the
/// score aisev's GSN mode gives that perspective, and none where several perspectives meet. The interval is a seeded
/// percentile bootstrap over rows (a row with all its epochs), as for the other derived scores.
/// </summary>
internal sealed class AisevGsnMetric : IMetric
{
    public const string Name = "aisev_gsn";

    public static AisevGsnMetric Default { get; } = new();

    string IExtension.Name => Name;

    public string Description => "aisev's GSN-weighted 0–100 score: 100 × Σ leaf accuracy × leaf weight over the covered leaves (needs --gsn; per perspective); percentile bootstrap interval over rows (2000 resamples, seeded)";

    public MetricMeaning Meaning(ScoreMeaning scorer) => new(false, scorer.Direction);

    public MetricValue Compute(MetricInput input)
    {
        if (GsnSum.Of(input.Scores) is not { } sum)
        {
            return MetricValue.Empty;
        }

        var interval = input.WithInterval ? Bootstrap(input) : null;
        return new MetricValue(sum.Score, interval, sum.Rows) { Statistic = string.Create(CultureInfo.InvariantCulture, $"covered weight {sum.CoveredWeight:0.######} over {sum.Leaves} leaves") };
    }

    /// <summary>
    /// Rows are drawn with replacement and the GSN score recomputed; a resample that misses a leaf scores as aisev would
    /// with that leaf unanswered, which is what the sampling variability of the covered leaves means.
    /// </summary>
    private static ConfidenceInterval? Bootstrap(MetricInput input)
    {
        var rows = input.Scores;
        if (rows.Count < 2)
        {
            return null;
        }

        var random = new Random(input.Seed);
        var drawn = new SampleScore[rows.Count];
        var values = new List<double>(IntervalMethods.BootstrapResamples);
        for (var b = 0; b < IntervalMethods.BootstrapResamples; b++)
        {
            for (var i = 0; i < drawn.Length; i++)
            {
                drawn[i] = rows[random.Next(rows.Count)];
            }

            if (GsnSum.Of(drawn) is { } resampled)
            {
                values.Add(resampled.Score);
            }
        }

        if (values.Count < 2)
        {
            return null;
        }

        values.Sort();
        var alpha = 1 - input.Confidence;
        return new ConfidenceInterval(Intervals.Percentile(values, alpha / 2), Intervals.Percentile(values, 1 - (alpha / 2)), IntervalMethods.Bootstrap) { Resamples = IntervalMethods.BootstrapResamples };
    }

}
