using EvalHarness.Scorers.Numeric;
using EvalHarness.Scoring;
using EvalHarness.Tests.Support;
using EvalHarness.Validation;

namespace EvalHarness.Tests.Scorers;

[TestFixture]
public sealed class NumericScorerTests
{
    private static async Task<Score> ScoreOf(string output, string target, string options = "{}")
    {
        var scorer = NumericScorer.Factory.Create(Options.Of(options));
        var sample = Samples.Make(targets: [target]);
        return await scorer.ScoreAsync(Samples.Input(sample, output), CancellationToken.None);
    }

    [TestCase("17 + 25 = 42", "42")]
    [TestCase("30 × 7 = 210 cents, 12 and 5 are unrelated. ANSWER: 210", "210")]
    [TestCase("1,234", "1234")]
    [TestCase("The total is 1,234.", "1,234")]
    [TestCase("答えは７です", "7")]
    [TestCase("−5", "-5")]
    [TestCase("1.5万", "15000")]
    [TestCase("3万5千", "35000")]
    [TestCase("百八十", "180")]
    [TestCase("三十五", "35")]
    [TestCase("三角形の内角の和は百八十度です。", "180")]
    [TestCase("Tom has 3, gives 1, buys 4, so 6", "6")]
    [TestCase("42", "四十二")]
    [TestCase("42", "４２")]
    public async Task Correct_number_passes(string output, string target)
    {
        var score = await ScoreOf(output, target);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.Value, Is.EqualTo(1), score.Explanation);
            Assert.That(score.Error, Is.Null);
        }
    }

    [Test]
    public async Task Answer_holds_the_number_read()
    {
        var score = await ScoreOf("It costs 1,234 yen", "1234");

        Assert.That(score.Answer, Is.EqualTo("1234"));
        Assert.That(score.Explanation, Does.Contain("expected 1234"));
    }

    [Test]
    public async Task Wrong_number_fails_with_explanation()
    {
        var score = await ScoreOf("17 + 25 = 43", "42");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.Value, Is.Zero);
            Assert.That(score.Answer, Is.EqualTo("43"));
            Assert.That(score.Explanation, Does.Contain("read 43"));
            Assert.That(score.Explanation, Does.Contain("expected 42"));
        }
    }

    [Test]
    public async Task Date_hyphen_is_not_a_negative_answer()
    {
        var score = await ScoreOf("It happened in 2025-11", "-11");

        Assert.That(score.Value, Is.Zero);
        Assert.That(score.Answer, Is.EqualTo("11"));
    }

    [TestCase("I cannot compute that.")]
    [TestCase("")]
    public async Task No_number_scores_zero_with_null_answer(string output)
    {
        var score = await ScoreOf(output, "42");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.Value, Is.Zero);
            Assert.That(score.Answer, Is.Null);
            Assert.That(score.Error, Is.Null);
            Assert.That(score.Explanation, Does.Contain("no number"));
        }
    }

    [Test]
    public async Task Without_tolerance_an_approximation_fails()
    {
        var score = await ScoreOf("3.14", "3.14159");

        Assert.That(score.Value, Is.Zero);
    }

    [Test]
    public async Task Absolute_tolerance_accepts_a_close_answer()
    {
        var score = await ScoreOf("3.14", "3.14159", """{"abs_tolerance": 0.01}""");

        Assert.That(score.Value, Is.EqualTo(1));
    }

    [Test]
    public async Task Absolute_tolerance_still_rejects_a_distant_answer()
    {
        var score = await ScoreOf("3.2", "3.14159", """{"abs_tolerance": 0.01}""");

        Assert.That(score.Value, Is.Zero);
    }

    [TestCase("101", 1)]
    [TestCase("99", 1)]
    [TestCase("102", 0)]
    public async Task Relative_tolerance_scales_with_the_target(string output, double expected)
    {
        var score = await ScoreOf(output, "100", """{"rel_tolerance": 0.01}""");

        Assert.That(score.Value, Is.EqualTo(expected));
    }

    [Test]
    public async Task Default_relative_tolerance_absorbs_floating_point_noise()
    {
        var score = await ScoreOf("0.30000000000000004", "0.3");

        Assert.That(score.Value, Is.EqualTo(1));
    }

    [Test]
    public async Task Tolerance_given_as_text_is_accepted()
    {
        var score = await ScoreOf("3.14", "3.14159", """{"abs_tolerance": "0.01"}""");

        Assert.That(score.Value, Is.EqualTo(1));
    }

    [Test]
    public void Negative_tolerance_is_an_option_error()
    {
        var diagnostics = new DiagnosticBag();

        NumericScorer.Factory.Create(Options.Of("""{"abs_tolerance": -1}""", diagnostics));

        Assert.That(diagnostics.Items, Has.Count.EqualTo(1));
        Assert.That(diagnostics.Items[0].Field, Is.EqualTo("scorers[0].options.abs_tolerance"));
    }

    [Test]
    public async Task Any_of_several_targets_counts()
    {
        var scorer = NumericScorer.Factory.Create(Options.Empty());
        var sample = Samples.Make(targets: ["9", "21"]);

        var score = await scorer.ScoreAsync(Samples.Input(sample, "At 21:00, so 21"), CancellationToken.None);

        Assert.That(score.Value, Is.EqualTo(1));
        Assert.That(score.Explanation, Does.Contain("9 or 21"));
    }

    [TestCase("42")]
    [TestCase("-3.5")]
    [TestCase("1,234")]
    [TestCase("三十五")]
    public void CheckSample_accepts_numeric_targets(string target)
    {
        var scorer = NumericScorer.Factory.Create(Options.Empty());

        Assert.That(scorer.CheckSample(Samples.Make(targets: [target])), Is.Null);
    }

    [TestCase("forty-two")]
    [TestCase("")]
    [TestCase("42 apples")]
    public void CheckSample_rejects_non_numeric_target(string target)
    {
        var scorer = NumericScorer.Factory.Create(Options.Empty());

        Assert.That(scorer.CheckSample(Samples.Make(targets: ["1", target]))?.Message, Does.Contain("is not a number"));
    }

    [Test]
    public void CheckSample_rejects_missing_target()
    {
        var scorer = NumericScorer.Factory.Create(Options.Empty());

        Assert.That(scorer.CheckSample(Samples.Make())?.Message, Does.Contain("needs a target"));
    }

    [Test]
    public void Numbers_in_explanations_are_written_as_fifteen_significant_digits_would_write_them()
    {
        // Whole numbers take a shortcut past the general format; it must not change a single character.
        double[] values =
        [
            0, -0.0, 1, -1, 42, -42, 7e3, 123456789012345, -123456789012345, 999999999999999, 1e15, -1e15, 1e16,
            123456789012345678, 0.5, -0.5, 0.1 + 0.2, 1.5e4, 35000.25, 1e-7, double.Epsilon, long.MaxValue, 2e18,
            double.NaN, double.PositiveInfinity, double.NegativeInfinity, 4503599627370496, 4503599627370497,
        ];
        var random = new Random(21);
        var drawn = Enumerable.Range(0, 2000).Select(i => i % 2 == 0
            ? Math.Round((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(0, 18)))
            : (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-3, 18)));

        foreach (var value in values.Concat(drawn))
        {
            Assert.That(NumericScorer.Format(value), Is.EqualTo(value.ToString("G15", System.Globalization.CultureInfo.InvariantCulture)), value.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
