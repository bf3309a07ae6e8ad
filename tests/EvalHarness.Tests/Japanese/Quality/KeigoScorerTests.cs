using EvalHarness.Japanese.Quality;
using EvalHarness.Scoring;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Japanese.Quality;

[TestFixture]
public sealed class KeigoScorerTests
{
    // The boss's action: 尊敬語 is right, the humble 参る/伺う is wrong.
    private static readonly Dictionary<string, string> BossComes = new(StringComparer.Ordinal)
    {
        [KeigoScorer.ExpectedKey] = """["いらっしゃる", "お見えになる", "お越しになる", "来られる"]""",
        [KeigoScorer.WrongKey] = """["参る", "伺う"]""",
    };

    private static async Task<Score> ScoreOf(string output, Dictionary<string, string>? metadata = null)
    {
        var sample = Samples.Make(input: "部長は明日の会議に来ますか。", language: "ja", metadata: metadata ?? BossComes);
        return await new KeigoScorer().ScoreAsync(Samples.Input(sample, output), CancellationToken.None);
    }

    [TestCase("部長は明日の会議にいらっしゃいますか。", "いらっしゃいます")]
    [TestCase("部長は明日の会議にお見えになりますか。", "お見えになります")]
    [TestCase("部長が明日の会議にお越しになるかどうか、ご確認いただけますか。", "お越しになる")]
    [TestCase("部長がいらっしゃいましたら、会議を始めます。", "いらっしゃいましたら")]
    public async Task The_right_honorific_in_any_conjugation_passes(string output, string found)
    {
        var score = await ScoreOf(output);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.Value, Is.EqualTo(1), score.Explanation);
            Assert.That(score.Answer, Is.EqualTo(found));
            Assert.That(score.Explanation, Does.StartWith($"correct keigo: 「{found}」"));
        }
    }

    [Test]
    public async Task The_humble_form_for_the_boss_fails_and_says_which()
    {
        var score = await ScoreOf("部長は明日の会議に参りますか。");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.Value, Is.Zero);
            Assert.That(score.Explanation, Is.EqualTo("incorrect keigo: wrong keigo 「参ります」 (参る); none of the expected forms (いらっしゃる, お見えになる, お越しになる, 来られる)"));
            Assert.That(score.Metadata!["wrong_found"]![0]!.GetValue<string>(), Is.EqualTo("参ります"));
        }
    }

    [Test]
    public async Task Polite_but_plain_verb_is_not_keigo()
    {
        // です・ます alone: register_consistency passes it, keigo does not.
        var score = await ScoreOf("部長は明日の会議に来ますか。");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.Value, Is.Zero);
            Assert.That(score.Explanation, Does.Contain("none of the expected forms"));
        }
    }

    [Test]
    public async Task A_wrong_form_fails_even_next_to_a_right_one()
    {
        var score = await ScoreOf("部長がいらっしゃいます。のちほど私の部屋に伺うそうです。");

        Assert.That(score.Value, Is.Zero, score.Explanation);
    }

    [Test]
    public async Task Own_action_takes_the_humble_form()
    {
        var own = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [KeigoScorer.ExpectedKey] = """["伺う", "参る"]""",
            [KeigoScorer.WrongKey] = """["いらっしゃる", "お越しになる", "行かれる"]""",
        };

        var right = await ScoreOf("明日、私がそちらに伺います。", own);
        var wrong = await ScoreOf("明日、私がそちらにいらっしゃいます。", own);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(right.Value, Is.EqualTo(1), right.Explanation);
            Assert.That(wrong.Value, Is.Zero, wrong.Explanation);
        }
    }

    [TestCase("{}", "keigo needs the sample metadata 'keigo_expected'")]
    [TestCase("""{"keigo_expected": "[1, 2]"}""", "metadata 'keigo_expected' must be a keigo form or a JSON list of them")]
    public void Missing_or_malformed_forms_are_a_sample_error(string metadataJson, string message)
    {
        var metadata = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(metadataJson)!;

        Assert.That(new KeigoScorer().CheckSample(Samples.Make(language: "ja", metadata: metadata))?.Message, Does.StartWith(message));
    }

    [Test]
    public async Task A_single_form_may_be_plain_text()
    {
        var score = await ScoreOf("先生がおっしゃったとおりです。", new Dictionary<string, string>(StringComparer.Ordinal) { [KeigoScorer.ExpectedKey] = "おっしゃる" });

        Assert.That(score.Value, Is.EqualTo(1), score.Explanation);
    }
}
