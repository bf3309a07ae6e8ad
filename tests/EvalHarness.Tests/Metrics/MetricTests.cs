using EvalHarness.Extensions;
using EvalHarness.Metrics;
using EvalHarness.Scoring;

namespace EvalHarness.Tests.Metrics;

[TestFixture]
public sealed class MetricTests
{
    private static MetricInput Input(params double[] values) => new(
        values.Select((v, i) => new SampleScore("s" + i, v, [new Score { Value = v }], new Dictionary<string, string>())).ToList(),
        0.95,
        Seed: 7);

    [Test]
    public void Accuracy_of_pass_fail_scores_uses_the_Wilson_interval()
    {
        var value = AccuracyMetric.Default.Compute(Input(1, 1, 1, 0));
        Assert.That(value.Value, Is.EqualTo(0.75));
        Assert.That(value.N, Is.EqualTo(4));
        Assert.That(value.Interval, Is.EqualTo(Intervals.Wilson(3, 4)));
    }

    [Test]
    public void Accuracy_of_epoch_averaged_fractions_switches_to_the_t_interval()
    {
        var value = AccuracyMetric.Default.Compute(Input(1, 0.5, 0, 1));
        Assert.That(value.Value, Is.EqualTo(0.625));
        Assert.That(value.Interval!.Method, Is.EqualTo("t"));
    }

    [Test]
    public void Metrics_of_no_samples_are_empty_rather_than_zero()
    {
        Assert.That(AccuracyMetric.Default.Compute(Input()), Is.EqualTo(MetricValue.Empty));
        Assert.That(MeanMetric.Default.Compute(Input()).Value, Is.Null);
    }

    [Test]
    public void Mean_and_bootstrap_mean_agree_on_the_value()
    {
        var input = Input(0.2, 0.4, 0.9);
        Assert.That(MeanMetric.Default.Compute(input).Value, Is.EqualTo(0.5).Within(1e-15));
        Assert.That(BootstrapMeanMetric.Default.Compute(input).Value, Is.EqualTo(0.5).Within(1e-15));
        Assert.That(BootstrapMeanMetric.Default.Compute(input).Interval!.Method, Is.EqualTo("bootstrap"));
    }

    [Test]
    public void Mean_interval_is_clipped_to_the_scorer_range_but_not_otherwise()
    {
        // Three char_f1 values near the top: the raw t interval is about [0.79, 1.10].
        var raw = MeanMetric.Default.Compute(Input(0.9, 1.0, 1.0));
        var clipped = MeanMetric.Default.Compute(Input(0.9, 1.0, 1.0) with { Range = ValueRange.Unit });

        Assert.That(raw.Interval!.High, Is.GreaterThan(1));
        Assert.That(clipped.Interval!.High, Is.EqualTo(1));
        Assert.That(clipped.Interval.Low, Is.EqualTo(raw.Interval.Low));
        Assert.That(clipped.Value, Is.EqualTo(raw.Value));
    }

    [Test]
    public void Bleu_scale_intervals_are_clipped_at_100_and_0()
    {
        var high = MeanMetric.Default.Compute(Input(90, 100, 100) with { Range = ValueRange.Percent });
        var low = MeanMetric.Default.Compute(Input(0, 0, 10) with { Range = ValueRange.Percent });
        Assert.That(high.Interval!.High, Is.EqualTo(100));
        Assert.That(low.Interval!.Low, Is.EqualTo(0));
    }

    [Test]
    public void Accuracy_of_fractions_never_leaves_zero_to_one()
    {
        var value = AccuracyMetric.Default.Compute(Input(1, 1, 0.5));
        Assert.That(value.Interval!.High, Is.EqualTo(1));
        Assert.That(value.Interval.Low, Is.GreaterThan(0));
    }

    [TestCase("mean", new[] { 1.0, 0.0, 1.0 }, 2.0 / 3)]
    [TestCase("median", new[] { 0.2, 0.9, 0.4 }, 0.4)]
    [TestCase("mode", new[] { 0.0, 1.0, 1.0 }, 1.0)]
    [TestCase("mode", new[] { 0.0, 1.0 }, 0.0)]
    [TestCase("max", new[] { 0.0, 1.0, 0.0 }, 1.0)]
    [TestCase("min", new[] { 1.0, 1.0, 0.0 }, 0.0)]
    [TestCase("all", new[] { 1.0, 1.0, 0.0 }, 0.0)]
    [TestCase("all", new[] { 1.0, 1.0 }, 1.0)]
    [TestCase("any", new[] { 0.0, 0.0, 1.0 }, 1.0)]
    [TestCase("any", new[] { 0.0, 0.0 }, 0.0)]
    public void Epoch_reducers_combine_as_documented(string name, double[] epochs, double expected)
    {
        Assert.That(EvalCatalog.Core.Reducers.TryGet(name, out var reducer), Is.True);
        Assert.That(reducer.Reduce(epochs), Is.EqualTo(expected).Within(1e-15));
    }
}
