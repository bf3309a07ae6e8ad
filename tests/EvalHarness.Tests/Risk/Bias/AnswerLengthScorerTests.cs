using EvalHarness.Configuration;
using EvalHarness.Extensions;
using EvalHarness.Risk.Bias;
using EvalHarness.Scoring;
using EvalHarness.Tests.Support;
using EvalHarness.Tokenization;
using EvalHarness.Validation;

namespace EvalHarness.Tests.Risk.Bias;

[TestFixture]
public sealed class AnswerLengthScorerTests
{
    private static IScorer Create(ConfigSection options, params IMetricTokenizer[] tokenizers) =>
        TestScorers.Factory("answer_length").Create(new ScorerContext
        {
            Options = options,
            Tokenizers = new TokenizerCatalog(new NamedCatalog<IMetricTokenizer>("tokenizer", tokenizers.Select(t => (t, "test")))),
        });

    private static Score Score(IScorer scorer, string output, string language) =>
        scorer.ScoreAsync(Samples.Input(Samples.Make(language: language), output), CancellationToken.None).Result;

    [Test]
    public void English_answers_are_measured_in_characters_counting_code_points()
    {
        var scorer = Create(Options.Empty(), new SpaceTokenizer("ja-mecab", "ja"));

        Assert.That(Score(scorer, "Hello, Aiko!", "en").Value, Is.EqualTo(12));
        Assert.That(Score(scorer, "𠮷野家 👍", "en").Value, Is.EqualTo(5), "a non-BMP kanji and an emoji are one character each, not two UTF-16 units");
        Assert.That(Score(scorer, string.Empty, "en").Value, Is.Zero);
    }

    [Test]
    public void Japanese_answers_are_measured_in_the_tokens_of_the_tokenizer_registered_for_japanese()
    {
        var scorer = Create(Options.Empty(), new SpaceTokenizer("ja-mecab", "ja"));

        var score = Score(scorer, "私 は 学生 です", "ja");

        Assert.That(score.Value, Is.EqualTo(4));
        Assert.That(score.Explanation, Is.EqualTo("4 tokens (ja-mecab)"));
    }

    [Test]
    public void The_unit_option_fixes_the_unit_and_a_typo_is_reported()
    {
        var chars = Create(Options.Of("""{"unit": "chars"}"""), new SpaceTokenizer("ja-mecab", "ja"));
        Assert.That(Score(chars, "私 は 学生", "ja").Value, Is.EqualTo(6));

        var diagnostics = new DiagnosticBag();
        Create(Options.Of("""{"unit": "token"}""", diagnostics));
        Assert.That(diagnostics.Items.Single().Message, Is.EqualTo("unknown unit 'token' (did you mean 'tokens'?); use one of: auto, chars, tokens"));
    }

    [Test]
    public void Without_a_japanese_tokenizer_the_sample_is_unscored_with_the_reason()
    {
        var scorer = Create(Options.Empty());

        var score = Score(scorer, "私は学生です", "ja");

        Assert.That(score.Value, Is.Null);
        Assert.That(score.Error, Does.Contain("no tokenizer 'whitespace' is registered"));
    }

    private sealed class SpaceTokenizer(string name, string language) : IMetricTokenizer
    {
        public string Name => name;

        public string Description => "test tokenizer: splits on spaces";

        public IReadOnlyList<string> Languages => [language];

        public string Signature => name;

        public string Apply(string line) => line;

        public List<string> Tokenize(string line) => [.. line.Split(' ', StringSplitOptions.RemoveEmptyEntries)];
    }
}
