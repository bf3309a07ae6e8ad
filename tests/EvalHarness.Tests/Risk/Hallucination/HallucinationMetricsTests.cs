using EvalHarness.Metrics;
using EvalHarness.Risk.Hallucination;
using EvalHarness.Scoring;

namespace EvalHarness.Tests.Risk.Hallucination;

/// <summary>abstention_rate, confident_wrong_rate and self_consistency on hand-computed inputs.</summary>
[TestFixture]
public sealed class HallucinationMetricsTests
{
    private static Score Epoch(string outcome, string answer) => new()
    {
        Value = outcome == "correct" ? 1 : 0,
        Answer = answer,
        Values = new Dictionary<string, double>
        {
            [HallucinationValues.Correct] = outcome == "correct" ? 1 : 0,
            [HallucinationValues.Abstained] = outcome == "abstained" ? 1 : 0,
            [HallucinationValues.ConfidentWrong] = outcome == "wrong" ? 1 : 0,
        },
    };

    private static SampleScore Sample(string id, params Score[] epochs) =>
        new(id, epochs.Average(e => e.Value!.Value), epochs, new Dictionary<string, string>());

    private static MetricInput Input(params SampleScore[] samples) => new(samples, 0.95, 0, ValueRange.Unit) { Meaning = ScoreMeaning.PassFail };

    [Test]
    public void Rates_are_per_sample_shares_of_epochs_averaged_over_samples()
    {
        // s1: correct, correct; s2: abstained, wrong; s3: wrong, wrong; s4: abstained, abstained.
        // Abstention shares 0, 0.5, 0, 1 -> mean 0.375; confident-wrong shares 0, 0.5, 1, 0 -> mean 0.375.
        var input = Input(
            Sample("s1", Epoch("correct", "1603"), Epoch("correct", "1603")),
            Sample("s2", Epoch("abstained", "(abstained)"), Epoch("wrong", "1600")),
            Sample("s3", Epoch("wrong", "1600"), Epoch("wrong", "1600")),
            Sample("s4", Epoch("abstained", "(abstained)"), Epoch("abstained", "(abstained)")));

        var abstention = ValueRateMetric.AbstentionRate.Compute(input);
        var wrong = ValueRateMetric.ConfidentWrongRate.Compute(input);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(abstention.Value, Is.EqualTo(0.375));
            Assert.That(wrong.Value, Is.EqualTo(0.375));
            Assert.That(abstention.N, Is.EqualTo(4), "the unit is the sample, not the epoch");
            Assert.That(abstention.Interval!.Method, Is.EqualTo("t"), "fractions are not Bernoulli: t interval");
            Assert.That(abstention.Interval.Low, Is.GreaterThanOrEqualTo(0));
        }
    }

    [Test]
    public void One_epoch_gives_a_wilson_interval_on_the_count()
    {
        var input = Input(
            Sample("a", Epoch("wrong", "x")),
            Sample("b", Epoch("correct", "y")),
            Sample("c", Epoch("correct", "y")),
            Sample("d", Epoch("abstained", "(abstained)")));

        var wrong = ValueRateMetric.ConfidentWrongRate.Compute(input);
        var wilson = Intervals.Wilson(1, 4)!;
        Assert.That((wrong.Value, wrong.Interval!.Low, wrong.Interval.High), Is.EqualTo((0.25, wilson.Low, wilson.High)));
    }

    [Test]
    public void Samples_of_other_scorers_without_the_value_are_left_out()
    {
        var plain = new SampleScore("p", 1, [new Score { Value = 1 }], new Dictionary<string, string>());
        var value = ValueRateMetric.AbstentionRate.Compute(Input(plain, Sample("s", Epoch("abstained", "(abstained)"))));
        Assert.That((value.Value, value.N), Is.EqualTo((1.0, 1)));
    }

    [Test]
    public void Self_consistency_is_the_mean_share_of_agreeing_epoch_pairs()
    {
        // s1: three equal answers -> 3/3 pairs; s2: a, a, b -> 1/3; s3: a, b -> 0; s4 has one answer and is left out.
        var input = Input(
            Sample("s1", Epoch("correct", "1603"), Epoch("correct", "1603"), Epoch("correct", "1603")),
            Sample("s2", Epoch("wrong", "1600"), Epoch("wrong", "1600"), Epoch("correct", "1603")),
            Sample("s3", Epoch("abstained", "(abstained)"), Epoch("correct", "1603")),
            Sample("s4", Epoch("correct", "1603")));

        var value = SelfConsistencyMetric.Default.Compute(input);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(value.Value, Is.EqualTo((1 + (1 / 3.0) + 0) / 3).Within(1e-12));
            Assert.That(value.N, Is.EqualTo(3));
        }
    }

    [Test]
    public void Metrics_declare_rates_and_their_direction()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ValueRateMetric.ConfidentWrongRate.Meaning(ScoreMeaning.PassFail), Is.EqualTo(new MetricMeaning(true, ScoreDirection.LowerIsBetter)));
            Assert.That(ValueRateMetric.AbstentionRate.Meaning(ScoreMeaning.PassFail), Is.EqualTo(new MetricMeaning(true, ScoreDirection.LowerIsBetter)));
            Assert.That(SelfConsistencyMetric.Default.Meaning(ScoreMeaning.PassFail), Is.EqualTo(new MetricMeaning(true, ScoreDirection.HigherIsBetter)));
        }
    }
}
