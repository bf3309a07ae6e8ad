using EvalHarness.Japanese.Qa;

namespace EvalHarness.Tests.Japanese.Qa;

/// <summary>llm-jp-eval's exact_match: NFKC(output).strip() == target, character for character.</summary>
[TestFixture]
public sealed class ExactMatchScorerTests
{
    [TestCase(" 東京\n", "東京", Description = "stripped")]
    [TestCase("\u3000東京\u3000", "東京", Description = "Python's strip removes U+3000")]
    [TestCase("ＴＯＫＹＯ", "TOKYO", Description = "NFKC on the output")]
    [TestCase("ｶﾞｲﾄﾞ", "ガイド", Description = "half-width katakana composed by NFKC")]
    public async Task Equal_after_llm_jp_eval_normalisation_passes(string output, string target)
    {
        var score = await QaScorerRun.ScoreAsync(LlmJpExactMatchScorer.Factory, output, [target]);

        Assert.That(score.Value, Is.EqualTo(1), score.Explanation);
    }

    [TestCase("tokyo", "Tokyo", Description = "no case folding, unlike the exact scorer")]
    [TestCase("東 京", "東京", Description = "inner whitespace is kept")]
    [TestCase("東京。", "東京", Description = "punctuation is kept")]
    [TestCase("東京", "東京 ", Description = "the target is not stripped")]
    [TestCase("TOKYO", "ＴＯＫＹＯ", Description = "the target is not normalised by default")]
    public async Task Anything_else_fails(string output, string target)
    {
        var score = await QaScorerRun.ScoreAsync(LlmJpExactMatchScorer.Factory, output, [target]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.Value, Is.Zero);
            Assert.That(score.Explanation, Does.Contain("equals none of"));
        }
    }

    [Test]
    public async Task Options_normalise_the_target_and_cut_at_the_first_blank_line()
    {
        var nfkcTarget = await QaScorerRun.ScoreAsync(LlmJpExactMatchScorer.Factory, "TOKYO", ["ＴＯＫＹＯ"], """{"nfkc_target": true}""");
        var cut = await QaScorerRun.ScoreAsync(LlmJpExactMatchScorer.Factory, "東京\n\n首都です。", ["東京"], """{"first_paragraph": true}""");
        var notCut = await QaScorerRun.ScoreAsync(LlmJpExactMatchScorer.Factory, "東京\n\n首都です。", ["東京"]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(nfkcTarget.Value, Is.EqualTo(1));
            Assert.That(cut.Value, Is.EqualTo(1));
            Assert.That(notCut.Value, Is.Zero);
        }
    }

    [Test]
    public async Task Any_target_may_match()
    {
        var score = await QaScorerRun.ScoreAsync(LlmJpExactMatchScorer.Factory, "とうきょう", ["東京", "とうきょう"]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.Value, Is.EqualTo(1));
            Assert.That(score.Answer, Is.EqualTo("とうきょう"));
            Assert.That(score.Explanation, Does.Contain("equals target 'とうきょう'"));
        }
    }
}
