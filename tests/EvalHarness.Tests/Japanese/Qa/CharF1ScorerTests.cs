using EvalHarness.Japanese.Qa;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Japanese.Qa;

/// <summary>
/// The char_f1 scorer's options and edge behaviour. Expected values are derived by hand from fuzzywuzzy
/// 0.18.0's processing rules (equal processed strings score 100, an empty side 0); the known answers
/// fuzzywuzzy itself produced are asserted in <see cref="CharF1ReferenceTests"/>.
/// </summary>
[TestFixture]
public sealed class CharF1ScorerTests
{
    [Test]
    public async Task The_best_of_several_targets_counts()
    {
        var score = await QaScorerRun.ScoreAsync(CharF1Scorer.Factory, "東京都", ["大阪府", "東京都"]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.Value, Is.EqualTo(1.0));
            Assert.That(score.Metadata!["target"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(score.Explanation, Does.Contain("best of 2 targets (target 2)"));
        }
    }

    [Test]
    public async Task The_target_is_not_normalised_unless_asked()
    {
        // ＡＢＣ is three upper-case letters for Python: lower() gives ａｂｃ, which shares nothing with abc.
        var raw = await QaScorerRun.ScoreAsync(CharF1Scorer.Factory, "ABC", ["ＡＢＣ"]);
        var normalised = await QaScorerRun.ScoreAsync(CharF1Scorer.Factory, "ABC", ["ＡＢＣ"], """{"nfkc_target": true}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(raw.Value, Is.Zero, raw.Explanation);
            Assert.That(normalised.Value, Is.EqualTo(1.0), normalised.Explanation);
        }
    }

    [Test]
    public async Task First_paragraph_scores_only_the_text_before_the_first_blank_line()
    {
        const string output = "東京\n\n理由：首都だからです。";
        var whole = await QaScorerRun.ScoreAsync(CharF1Scorer.Factory, output, ["東京"]);
        var cut = await QaScorerRun.ScoreAsync(CharF1Scorer.Factory, output, ["東京"], """{"first_paragraph": true}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(whole.Value, Is.LessThan(1.0));
            Assert.That(cut.Value, Is.EqualTo(1.0));
        }
    }

    [Test]
    public async Task Explanation_names_the_compared_strings_and_the_figures_shortened()
    {
        var longOutput = string.Concat(Enumerable.Repeat("とても長い回答", 40));
        var score = await QaScorerRun.ScoreAsync(CharF1Scorer.Factory, longOutput, ["長い"]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.Explanation, Does.StartWith($"token_sort_ratio {score.Metadata!["token_sort_ratio"]} of processed output"));
            Assert.That(score.Explanation, Does.Contain("longest common subsequence 2 over 280 + 2 code points"));
            Assert.That(score.Explanation, Does.Contain("…"));
            Assert.That(score.Explanation!.Length, Is.LessThan(200));
            Assert.That(score.Metadata["path"]!.GetValue<string>(), Is.EqualTo("levenshtein_ratio"));
        }
    }

    [Test]
    public async Task A_sample_without_target_is_rejected_at_load_and_unscored_at_run()
    {
        var scorer = CharF1Scorer.Factory.Create(Options.Empty());
        var sample = Samples.Make(targets: []);
        var score = await scorer.ScoreAsync(Samples.Input(sample, "東京"), CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(scorer.CheckSample(sample)?.Message, Does.Contain("target"));
            Assert.That(scorer.CheckSample(Samples.Make(targets: ["東京"])), Is.Null);
            Assert.That(score.Value, Is.Null);
            Assert.That(score.Error, Does.Contain("target"));
        }
    }

    [Test]
    public async Task Empty_output_against_a_target_is_zero_and_both_empty_is_one()
    {
        var empty = await QaScorerRun.ScoreAsync(CharF1Scorer.Factory, "", ["東京"]);
        var bothEmpty = await QaScorerRun.ScoreAsync(CharF1Scorer.Factory, "。", ["、"]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(empty.Value, Is.Zero);
            Assert.That(empty.Metadata!["path"]!.GetValue<string>(), Is.EqualTo("one_side_empty"));
            Assert.That(bothEmpty.Value, Is.EqualTo(1.0), "punctuation only on both sides leaves two empty strings, which fuzzywuzzy calls equal");
        }
    }
}
