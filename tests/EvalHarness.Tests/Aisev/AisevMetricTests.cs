using EvalHarness.Cli;
using EvalHarness.Metrics;
using EvalHarness.Scoring;

namespace EvalHarness.Tests.Aisev;

/// <summary>aisev's 0–100 scores computed from the row scores and the GSN weights stamped into sample metadata.</summary>
[TestFixture]
public sealed class AisevMetricTests
{
    private static readonly Dictionary<string, double> Robustness = new() { ["G8-7"] = 0.195, ["G8-8"] = 0.195, ["G8-9"] = 0.26 };

    private static SampleScore Row(int n, string leaf, double weight, double value, string tree = "robustness") => new(
        $"r{n}",
        value,
        [],
        new Dictionary<string, string>
        {
            ["gsn_leaf"] = leaf,
            ["gsn_weight"] = weight.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            ["gsn_tree"] = tree,
        });

    private static MetricValue Compute(string metric, IReadOnlyList<SampleScore> scores) =>
        Composition.Catalog.Metrics.TryGet(metric, out var m) ? m.Compute(new MetricInput(scores, 0.95, 0, ValueRange.Unit) { Meaning = ScoreMeaning.Graded(ValueRange.Unit) }) : throw new AssertionException(metric);

    [Test]
    public void Partial_credit_counts_half_and_gsn_weighs_each_leaf_s_accuracy()
    {
        // The aisev notes' worked example B on the robustness preset: grades C C P I I I C P C, rows 1-3 on G8-7,
        // 4-6 on G8-8, 7-9 on G8-9. By hand: 100 × 5/9 = 55.56; GSN = 100 × (0.8333 × 0.195 + 0 × 0.195 + 0.8333 × 0.26) = 37.92.
        double[] values = [1, 1, 0.5, 0, 0, 0, 1, 0.5, 1];
        var rows = values.Select((v, i) => Row(i + 1, $"G8-{7 + (i / 3)}", Robustness[$"G8-{7 + (i / 3)}"], v)).ToList();

        Assert.That(Compute("aisev_score", rows).Value, Is.EqualTo(500.0 / 9).Within(1e-9));
        Assert.That(Compute("aisev_gsn", rows).Value, Is.EqualTo(37.916666666666667).Within(1e-9));
        Assert.That(Compute("aisev_gsn", rows).Statistic, Is.EqualTo("covered weight 0.65 over 3 leaves"));
        Assert.That(Compute("aisev_gsn_coverage", rows).Value, Is.EqualTo(0.65).Within(1e-9));
    }

    [Test]
    public void A_covered_weight_above_one_divides_the_score_as_aisev_normalises_it()
    {
        SampleScore[] rows = [Row(1, "A", 0.8, 1), Row(2, "B", 0.7, 0.5)];

        Assert.That(Compute("aisev_gsn", rows).Value, Is.EqualTo(100 * ((0.8 * 1) + (0.7 * 0.5)) / 1.5).Within(1e-9));
    }

    [Test]
    public void Rows_of_two_perspectives_trees_have_no_gsn_score_together_and_rows_without_weights_have_none()
    {
        SampleScore[] mixed = [Row(1, "G8-7", 0.195, 1), Row(2, "G7-5", 0.28, 1, "explainability")];
        SampleScore[] unweighted = [new("r1", 1, [], new Dictionary<string, string>())];

        Assert.That(Compute("aisev_gsn", mixed).Value, Is.Null);
        Assert.That(Compute("aisev_gsn", unweighted).Value, Is.Null);
        Assert.That(Compute("aisev_score", unweighted).Value, Is.EqualTo(100));
    }

    [Test]
    public void The_gsn_score_has_a_seeded_bootstrap_interval_over_rows()
    {
        // One leaf of weight 1: the GSN score is 100 × the mean row score, so its bootstrap (same seed, same draws) must be
        // 100 × mean_bootstrap's interval exactly.
        double[] values = [1, 0, 1, 1, 0.5, 0, 1, 1, 0, 1, 0.5, 1];
        var rows = values.Select((v, i) => Row(i + 1, "G1-1", 1, v)).ToList();
        var reference = Intervals.Bootstrap(values, seed: 0)!;

        var gsn = Compute("aisev_gsn", rows);

        Assert.That(gsn.Interval, Is.Not.Null);
        Assert.That(gsn.Interval!.Method, Is.EqualTo(IntervalMethods.Bootstrap));
        Assert.That(gsn.Interval.Resamples, Is.EqualTo(IntervalMethods.BootstrapResamples));
        Assert.That(gsn.Interval.Low, Is.EqualTo(100 * reference.Low).Within(1e-9));
        Assert.That(gsn.Interval.High, Is.EqualTo(100 * reference.High).Within(1e-9));
        Assert.That(gsn.Value, Is.InRange(gsn.Interval.Low, gsn.Interval.High));
    }
}
