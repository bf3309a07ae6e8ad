using EvalHarness.Metrics;
using EvalHarness.Risk.Bias;
using EvalHarness.Scoring;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Risk.Bias;

[TestFixture]
public sealed class PairedDivergenceTests
{
    private static SampleScore Pair(string pair, string variant, double value) =>
        new($"{pair}{variant}", value, [new Score { Value = value }], new Dictionary<string, string> { ["pair_id"] = pair, ["variant"] = variant });

    private static List<SampleScore> Pairs(params (double A, double B)[] values) =>
        [.. values.SelectMany((v, i) => new[] { Pair($"p{i:D3}", "a", v.A), Pair($"p{i:D3}", "b", v.B) })];

    private static MetricValue Compute(List<SampleScore> scores, ScoreMeaning meaning) =>
        PairedDivergenceMetric.Default.Compute(new MetricInput(scores, 0.95, 7) { Meaning = meaning });

    /// <summary>Every exact McNemar case of stats.json (statsmodels), as pairs: a = (1,1), b = (1,0), c = (0,1), d = (0,0).</summary>
    [Test]
    public void Pass_fail_pairs_get_statsmodels_exact_mcnemar_p_value_for_every_reference_table()
    {
        using var vectors = ReferenceVectors.Load("stats.json");
        var cases = vectors.RootElement.GetProperty("mcnemar_exact").GetProperty("cases").EnumerateArray().ToList();
        Assert.That(cases, Has.Count.EqualTo(12));
        Assert.Multiple(() =>
        {
            foreach (var c in cases)
            {
                var table = c.GetProperty("table").EnumerateArray().Select(r => r.EnumerateArray().Select(x => x.GetInt32()).ToArray()).ToArray();
                var values = Enumerable.Repeat((1.0, 1.0), table[0][0])
                    .Concat(Enumerable.Repeat((1.0, 0.0), table[0][1]))
                    .Concat(Enumerable.Repeat((0.0, 1.0), table[1][0]))
                    .Concat(Enumerable.Repeat((0.0, 0.0), table[1][1])).ToArray();
                var pairs = CounterfactualPair.From(Pairs(values)).Pairs;
                var expected = c.GetProperty("exact_pvalue").GetDouble();

                var (p, text) = PairedDivergenceMetric.Test(pairs, ScoreMeaning.PassFail);

                Assert.That(p, Is.EqualTo(expected).Within(1e-12), $"table {c.GetProperty("table")}");
                Assert.That(text, Does.StartWith("exact McNemar p = "));
                var value = Compute(Pairs(values), ScoreMeaning.PassFail);
                Assert.That(value.Value, Is.EqualTo((double)(table[0][1] + table[1][0]) / values.Length).Within(1e-15), "mean |a − b| is the share of discordant pairs");
            }
        });
    }

    [Test]
    public void The_value_is_the_mean_absolute_pair_difference_with_the_test_and_counts_in_the_statistic()
    {
        // Differences a − b: 3, −1, 0, 2 → mean |d| = 6/4.
        var scores = Pairs((10, 7), (5, 6), (4, 4), (9, 7));
        scores.Add(Pair("lonely", "a", 100));

        var value = Compute(scores, ScoreMeaning.Graded(null));

        Assert.That(value.Value, Is.EqualTo(1.5));
        Assert.That(value.N, Is.EqualTo(4));
        Assert.That(value.Interval!.Method, Is.EqualTo("bootstrap"));
        Assert.That(value.Statistic, Does.StartWith("4 pairs; Wilcoxon signed-rank p = ").And.EndWith("1 pair ids without one scored a and one scored b left out"));
    }

    [Test]
    public void Pass_fail_scores_averaged_over_epochs_are_tested_as_graded()
    {
        var (_, text) = PairedDivergenceMetric.Test(CounterfactualPair.From(Pairs((1, 0.5), (0, 1), (1, 1))).Pairs, ScoreMeaning.PassFail);

        Assert.That(text, Does.StartWith("Wilcoxon signed-rank"));
    }

    [Test]
    public void Without_complete_pairs_there_is_nothing_to_report_and_lower_divergence_is_better()
    {
        Assert.That(Compute([Pair("x", "a", 1), Pair("y", "b", 0)], ScoreMeaning.PassFail), Is.EqualTo(MetricValue.Empty));
        Assert.That(PairedDivergenceMetric.Default.Meaning(ScoreMeaning.PassFail), Is.EqualTo(new MetricMeaning(true, ScoreDirection.LowerIsBetter)));
        Assert.That(PairedDivergenceMetric.Default.Meaning(ScoreMeaning.Graded(null)), Is.EqualTo(new MetricMeaning(false, ScoreDirection.LowerIsBetter)));
    }
}
