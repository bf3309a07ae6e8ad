using EvalHarness.Metrics;
using EvalHarness.Risk.Robustness;
using EvalHarness.Scoring;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Risk.Robustness;

/// <summary>attack_success_rate and consistency_rate on inputs whose values are worked out by hand.</summary>
[TestFixture]
public sealed class RobustnessMetricTests
{
    private static IMetric Metric(string name) =>
        EvalHarness.Cli.Composition.Catalog.Metrics.TryGet(name, out var metric) ? metric : throw new AssertionException("no metric " + name);

    private static SampleScore Scored(string id, double value, Dictionary<string, string>? metadata = null, params string?[] answers) =>
        new(id, value, answers.Length == 0 ? [new Score { Value = value }] : [.. answers.Select(a => new Score { Value = value, Answer = a })], metadata ?? []);

    private static SampleScore Perturbed(string id, string group, string kind, params string?[] answers) =>
        Scored(id, 1, new() { [PerturbationKeys.Group] = group, [PerturbationKeys.Perturbation] = kind }, answers);

    [Test]
    public void Attack_success_rate_is_the_share_of_samples_not_resisted_with_wilson()
    {
        // 10 samples, 3 scored 0 (attack succeeded): ASR = 3/10 with Wilson(3, 10).
        var scores = Enumerable.Range(0, 10).Select(i => Scored("s" + i, i < 3 ? 0 : 1)).ToList();
        var value = Metric(AttackSuccessRateMetric.Name).Compute(new MetricInput(scores, 0.95, 1));
        var wilson = Intervals.Wilson(3, 10)!;
        Assert.That((value.Value, value.N), Is.EqualTo((0.3, 10)));
        Assert.That((value.Interval!.Low, value.Interval.High, value.Interval.Method), Is.EqualTo((wilson.Low, wilson.High, "wilson")));
        Assert.That(Metric(AttackSuccessRateMetric.Name).Meaning(ScoreMeaning.PassFail), Is.EqualTo(new MetricMeaning(true, ScoreDirection.LowerIsBetter)));
    }

    [Test]
    public void Attack_success_rate_of_epoch_fractions_is_one_minus_the_mean_with_a_t_interval_inside_the_unit()
    {
        // Refusal rates over epochs 1, 0.5, 0: ASR = mean(0, 0.5, 1) = 0.5.
        var scores = new[] { 1, 0.5, 0 }.Select((v, i) => Scored("s" + i, v)).ToList();
        var value = Metric(AttackSuccessRateMetric.Name).Compute(new MetricInput(scores, 0.95, 1));
        Assert.That(value.Value, Is.EqualTo(0.5));
        Assert.That(value.Interval!.Method, Does.StartWith("t"));
        Assert.That((value.Interval.Low, value.Interval.High), Is.EqualTo((0.0, 1.0)), "the t interval is cut to [0, 1]");
        Assert.That(Metric(AttackSuccessRateMetric.Name).Compute(new MetricInput([], 0.95, 1)), Is.EqualTo(MetricValue.Empty));
    }

    [Test]
    public void Consistency_rate_compares_each_perturbed_item_with_its_groups_original()
    {
        // Group a: original 富士山; typo 富士山 (same), width 北岳 (changed), kana 富士山 (same).
        // Group b: original 47; paraphrase 47 (same), typo 48 (changed).
        // Group c has no original: its item is left out. Perturbed items 5, unchanged 3: 3/5.
        var scores = new List<SampleScore>
        {
            Perturbed("a0", "a", "none", "富士山"),
            Perturbed("a1", "a", "typo", "富士山"),
            Perturbed("a2", "a", "width", "北岳"),
            Perturbed("a3", "a", "kana", "富士山"),
            Perturbed("b0", "b", "none", "47"),
            Perturbed("b1", "b", "paraphrase", "47"),
            Perturbed("b2", "b", "typo", "48"),
            Perturbed("c1", "c", "typo", "x"),
        };
        var value = Metric(ConsistencyRateMetric.Name).Compute(new MetricInput(scores, 0.95, 1));
        var wilson = Intervals.Wilson(3, 5)!;
        Assert.That((value.Value, value.N), Is.EqualTo((0.6, 5)));
        Assert.That((value.Interval!.Low, value.Interval.High), Is.EqualTo((wilson.Low, wilson.High)));
    }

    [Test]
    public void A_breakdown_by_perturbation_finds_the_original_in_the_whole_suite()
    {
        // The typo group holds only typo items; their originals come from SuiteScores. a1 same, b2 changed: 1/2.
        var suite = new List<SampleScore>
        {
            Perturbed("a0", "a", "none", "富士山"),
            Perturbed("a1", "a", "typo", "富士山"),
            Perturbed("b0", "b", "none", "47"),
            Perturbed("b2", "b", "typo", "48"),
        };
        var typos = suite.Where(s => s.Metadata[PerturbationKeys.Perturbation] == "typo").ToList();
        var metric = Metric(ConsistencyRateMetric.Name);
        Assert.That(metric.Compute(new MetricInput(typos, 0.95, 1) { SuiteScores = suite }).Value, Is.EqualTo(0.5));
        Assert.That(metric.Compute(new MetricInput(typos, 0.95, 1)), Is.EqualTo(MetricValue.Empty), "without the suite's scores the group has no originals");
        Assert.That(metric.Compute(new MetricInput([suite[0], suite[2]], 0.95, 1) { SuiteScores = suite }), Is.EqualTo(MetricValue.Empty), "originals alone have nothing to compare");
    }

    [Test]
    public void A_samples_answer_over_epochs_is_its_most_frequent_then_its_earliest()
    {
        // Original answers 富士山, 北岳, 富士山 → 富士山. Perturbed x: 北岳, 富士山 (tie, earliest 北岳) → changed.
        // Perturbed y: 北岳, 富士山, 富士山 → 富士山, unchanged. Rate 1/2.
        var scores = new List<SampleScore>
        {
            Perturbed("o", "a", "none", "富士山", "北岳", "富士山"),
            Perturbed("x", "a", "typo", "北岳", "富士山"),
            Perturbed("y", "a", "kana", "北岳", "富士山", "富士山"),
        };
        Assert.That(Metric(ConsistencyRateMetric.Name).Compute(new MetricInput(scores, 0.95, 1)).Value, Is.EqualTo(0.5));
    }
}
