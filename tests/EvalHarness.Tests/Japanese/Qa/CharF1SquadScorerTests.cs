using EvalHarness.Tests.Support;
using EvalHarness.Japanese.Qa;

namespace EvalHarness.Tests.Japanese.Qa;

/// <summary>
/// Hand-derived values: with c common characters, p output characters and r target characters,
/// P = c/p, R = c/r and F1 = 2PR/(P + R) = 2c/(p + r).
/// </summary>
[TestFixture]
public sealed class CharF1SquadScorerTests
{
    [TestCase("東京都", "東京", 0.8, Description = "c=2, p=3, r=2: 4/5")]
    [TestCase("東京。", "東京", 0.8, Description = "punctuation is a character like any other")]
    [TestCase("京東", "東京", 1.0, Description = "order does not matter")]
    [TestCase("東 京\u3000\u001c", "東京", 1.0, Description = "Python whitespace is dropped, U+001C included")]
    [TestCase("ﾄｳｷｮｳ", "トウキョウ", 1.0, Description = "NFKC on both sides")]
    [TestCase("ABC", "abc", 0.0, Description = "no case folding")]
    [TestCase("ああい", "あい", 0.8, Description = "multiset: c=2 (one あ, one い), p=3, r=2")]
    public async Task Values_follow_the_bag_of_characters_definition(string output, string target, double expected)
    {
        var score = await QaScorerRun.ScoreAsync(CharF1SquadScorer.Factory, output, [target]);

        Assert.That(score.Value, Is.EqualTo(expected).Within(1e-15), score.Explanation);
    }

    [Test]
    public async Task Precision_recall_and_counts_are_in_the_metadata()
    {
        // c=2, p=3, r=2: P = 2/3, R = 1.
        var score = await QaScorerRun.ScoreAsync(CharF1SquadScorer.Factory, "東京都", ["東京"]);
        var metadata = score.Metadata!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(metadata["precision"]!.GetValue<double>(), Is.EqualTo(2.0 / 3));
            Assert.That(metadata["recall"]!.GetValue<double>(), Is.EqualTo(1.0));
            Assert.That(metadata["prediction_chars"]!.GetValue<int>(), Is.EqualTo(3));
            Assert.That(metadata["target_chars"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(metadata["common"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(score.Explanation, Does.Contain("precision 0.6667, recall 1"));
        }
    }

    [Test]
    public async Task The_best_target_supplies_value_and_metadata()
    {
        var score = await QaScorerRun.ScoreAsync(CharF1SquadScorer.Factory, "東京都", ["大阪", "東京都庁", "東京"]);

        using (Assert.EnterMultipleScope())
        {
            // 東京都庁: c=3, p=3, r=4 → 6/7; 東京: 4/5. 6/7 wins.
            Assert.That(score.Value, Is.EqualTo(6.0 / 7).Within(1e-15));
            Assert.That(score.Metadata!["target"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(score.Metadata["target_chars"]!.GetValue<int>(), Is.EqualTo(4));
        }
    }

    [Test]
    public async Task Empty_sides_follow_squad()
    {
        var bothEmpty = await QaScorerRun.ScoreAsync(CharF1SquadScorer.Factory, " ", ["\u3000"]);
        var outputEmpty = await QaScorerRun.ScoreAsync(CharF1SquadScorer.Factory, "", ["東京"]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(bothEmpty.Value, Is.EqualTo(1.0));
            Assert.That(outputEmpty.Value, Is.Zero);
            Assert.That(outputEmpty.Metadata!["precision"], Is.Null);
            Assert.That(outputEmpty.Metadata["recall"], Is.Null);
        }
    }

    [Test]
    public async Task Nfkc_target_is_not_an_option_because_the_metric_always_normalises_both_sides()
    {
        var diagnostics = new EvalHarness.Validation.DiagnosticBag();
        var options = Support.Options.Of("""{"nfkc_target": false}""", diagnostics);
        CharF1SquadScorer.Factory.Create(options);
        options.ReportUnknownKeys();

        Assert.That(diagnostics.HasErrors, Is.True);
        await Task.CompletedTask;
    }
}
