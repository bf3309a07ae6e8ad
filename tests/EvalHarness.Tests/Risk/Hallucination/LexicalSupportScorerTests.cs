using EvalHarness.Japanese.MeCab;
using EvalHarness.Risk.Hallucination;
using EvalHarness.Scoring;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Risk.Hallucination;

/// <summary>The weaker lexical grounding measure: MeCab content words for Japanese, words minus stop words for English.</summary>
[TestFixture]
public sealed class LexicalSupportScorerTests
{
    private const string JaContext = "白浜製麺所は1952年創業の製麺所で、地元産の小麦だけを使ってうどんを作っている。麺は毎朝4時から手作業で打ち、その日のうちに市内の12店舗へ届けられる。";
    private const string EnContext = "The Harlow Valley railway was built in 1894 to carry slate from the quarries to the coast. Passenger services ended in 1962.";

    private static async Task<Score> ScoreOf(string output, string context, string language, string options = "{}")
    {
        var scorer = LexicalSupportScorer.Factory.Create(Options.Of(options));
        var sample = Samples.Make(input: "質問", language: language, metadata: new Dictionary<string, string> { ["context"] = context });
        return await scorer.ScoreAsync(Samples.Input(sample, output), CancellationToken.None);
    }

    [Test]
    public void Japanese_content_words_are_mecab_nouns_verbs_and_adjectives_by_base_form()
    {
        var words = ContentWords.Japanese("麺は毎朝4時から手作業で打ち、市内の店舗へ届けられる。", MeCabTagger.Default);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(words, Does.Contain("麺").And.Contain("毎朝").And.Contain("市内").And.Contain("店舗").And.Contain("打つ").And.Contain("届ける"));
            Assert.That(words, Does.Not.Contain("は").And.Not.Contain("から").And.Not.Contain("られる"), "particles and auxiliaries are not content words");
        }
    }

    [Test]
    public async Task A_japanese_answer_built_from_the_context_passes()
    {
        var score = await ScoreOf("地元産の小麦だけを使っています。", JaContext, "ja");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.Value, Is.EqualTo(1), score.Explanation);
            Assert.That(score.Values![HallucinationValues.Support], Is.EqualTo(1));
            Assert.That(score.Explanation, Does.Contain("weaker"));
        }
    }

    [Test]
    public async Task A_japanese_answer_with_words_the_context_lacks_fails_and_names_them()
    {
        var score = await ScoreOf("市内の12店舗のほか、県外の百貨店にも出荷されています。", JaContext, "ja");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.Value, Is.EqualTo(0), score.Explanation);
            Assert.That(score.Values![HallucinationValues.Support], Is.LessThan(0.8));
            Assert.That(score.Explanation, Does.Contain("百貨店").And.Contain("出荷"));
        }
    }

    [Test]
    public async Task English_answers_count_words_minus_stop_words()
    {
        var supported = await ScoreOf("It was built in 1894 to carry slate from the quarries.", EnContext, "en");
        var unsupported = await ScoreOf("It was built to carry coal and timber for export to Ireland.", EnContext, "en");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(supported.Value, Is.EqualTo(1), supported.Explanation);
            Assert.That(unsupported.Value, Is.EqualTo(0), unsupported.Explanation);
            // built, carry, coal, timber, export, ireland: 2 of 6 in the context.
            Assert.That(unsupported.Values![HallucinationValues.Support], Is.EqualTo(2 / 6.0).Within(1e-12));
        }
    }

    [Test]
    public async Task The_weakness_a_contradiction_made_of_the_contexts_own_words_passes()
    {
        var score = await ScoreOf("Passenger services were built in 1962 from the coast.", EnContext, "en");
        Assert.That(score.Value, Is.EqualTo(1), "the lexical measure sees words, not claims; the judge is needed for this");
    }

    [Test]
    public async Task The_threshold_is_an_option()
    {
        var lenient = await ScoreOf("It was built to carry coal and timber for export to Ireland.", EnContext, "en", "{\"threshold\": 0.3}");
        Assert.That(lenient.Value, Is.EqualTo(1));
    }

    [Test]
    public void A_sample_without_context_is_a_validation_problem()
    {
        var scorer = LexicalSupportScorer.Factory.Create(Options.Empty());
        Assert.That(scorer.CheckSample(Samples.Make())?.Field, Is.EqualTo("context"));
    }

    [TestCase("surveyed", "survey")]
    [TestCase("cycling", "cycl")]
    [TestCase("cycle", "cycl")]
    [TestCase("quarries", "quarry")]
    [TestCase("Doyle's", "Doyl")]
    public void English_stemming_lets_the_same_word_meet_itself(string word, string stem) =>
        Assert.That(ContentWords.Stem(word.ToLowerInvariant()), Is.EqualTo(stem.ToLowerInvariant()));
}
