using EvalHarness.Scorers.Choice;
using EvalHarness.Scoring;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Scorers;

[TestFixture]
public sealed class ChoiceScorerTests
{
    private static readonly string[] Planets = ["Venus", "Mars", "Jupiter", "Saturn"];
    private static readonly string[] Mountains = ["北岳", "富士山", "奥穂高岳", "間ノ岳"];

    private static async Task<Score> ScoreOf(string output, string target = "B", string[]? choices = null)
    {
        var scorer = ChoiceScorer.Factory.Create(Options.Empty());
        var sample = Samples.Make(targets: [target], choices: choices ?? Planets);
        return await scorer.ScoreAsync(Samples.Input(sample, output), CancellationToken.None);
    }

    private static string? Check(string[] targets, string[] choices) =>
        ChoiceScorer.Factory.Create(Options.Empty()).CheckSample(Samples.Make(targets: targets, choices: choices))?.Message;

    [TestCase("B")]
    [TestCase("(B)")]
    [TestCase("Ｂ")]
    [TestCase("（Ｂ）")]
    [TestCase(" B. ")]
    [TestCase("**B**")]
    [TestCase("[B]")]
    [TestCase("b")]
    [TestCase("答え：B")]
    [TestCase("答え: B")]
    [TestCase("答え：Ｂ")]
    [TestCase("正解はBです")]
    [TestCase("正解は「B」です。")]
    [TestCase("ANSWER: B")]
    [TestCase("answer: b")]
    [TestCase("Final answer: (b)")]
    [TestCase("The correct answer is option B.")]
    [TestCase("B) Mars")]
    [TestCase("B. Mars is red because of iron oxide.")]
    [TestCase("Mars")]
    [TestCase("mars.")]
    [TestCase("The red planet is Mars.")]
    [TestCase("I think it is B, since iron oxide makes it red.")]
    public async Task Correct_answer_is_found_in_many_shapes(string output)
    {
        var score = await ScoreOf(output);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.Value, Is.EqualTo(1), score.Explanation);
            Assert.That(score.Answer, Is.EqualTo("B"));
            Assert.That(score.Error, Is.Null);
        }
    }

    [Test]
    public async Task Marked_answer_that_differs_from_target_scores_zero_and_names_both()
    {
        var score = await ScoreOf("The answer is (C).");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.Value, Is.Zero);
            Assert.That(score.Answer, Is.EqualTo("C"));
            Assert.That(score.Explanation, Does.Contain("expected B"));
            Assert.That(score.Explanation, Does.Contain("Jupiter"));
        }
    }

    [TestCase("Venus is too hot and B looks tempting, but on reflection:\nANSWER: C")]
    [TestCase("Answer: B\nWait, that is wrong. Mars is not right here.\nANSWER: C")]
    [TestCase("答え：A\n見直しました。\n答え：C")]
    public async Task Last_answer_marker_wins_over_earlier_letters(string output)
    {
        var score = await ScoreOf(output, target: "C");

        Assert.That(score.Answer, Is.EqualTo("C"), score.Explanation);
        Assert.That(score.Value, Is.EqualTo(1));
    }

    [TestCase("富士山")]
    [TestCase("日本一高い山は富士山です。")]
    [TestCase("答えはＢです。")]
    [TestCase("正解は（B）")]
    public async Task Japanese_option_text_and_markers_are_understood(string output)
    {
        var score = await ScoreOf(output, choices: Mountains);

        Assert.That(score.Answer, Is.EqualTo("B"), score.Explanation);
        Assert.That(score.Value, Is.EqualTo(1));
    }

    [TestCase("Mars or Venus, it is hard to say.")]
    [TestCase("I don't know.")]
    [TestCase("")]
    [TestCase("A good choice is hard")]
    [TestCase("A good choice is hard to make here.")]
    [TestCase("E")]
    [TestCase("ANSWER: E")]
    [TestCase("(E)")]
    public async Task Does_not_guess(string output)
    {
        var score = await ScoreOf(output, target: "A");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.Value, Is.Zero);
            Assert.That(score.Answer, Is.Null, score.Explanation);
            Assert.That(score.Explanation, Does.Contain("expected A"));
        }
    }

    [Test]
    public async Task Out_of_range_letter_is_not_an_answer_but_a_later_valid_one_is()
    {
        var score = await ScoreOf("ANSWER: B\nANSWER: E");

        Assert.That(score.Answer, Is.EqualTo("B"));
    }

    [Test]
    public async Task Target_given_as_option_text_is_matched_by_letter()
    {
        var score = await ScoreOf("ANSWER: B", target: "Mars");

        Assert.That(score.Value, Is.EqualTo(1));
        Assert.That(score.Answer, Is.EqualTo("B"));
    }

    [Test]
    public async Task Target_given_as_option_text_is_normalised()
    {
        var score = await ScoreOf("B", target: "  ＭＡＲＳ ");

        Assert.That(score.Value, Is.EqualTo(1));
    }

    [Test]
    public async Task Target_as_option_text_rejects_another_option()
    {
        var score = await ScoreOf("Jupiter", target: "Mars");

        Assert.That(score.Value, Is.Zero);
        Assert.That(score.Answer, Is.EqualTo("C"));
    }

    [Test]
    public async Task Lower_case_target_letter_works()
    {
        var score = await ScoreOf("(B)", target: "b");

        Assert.That(score.Value, Is.EqualTo(1));
    }

    [Test]
    public async Task Any_of_several_targets_counts()
    {
        var scorer = ChoiceScorer.Factory.Create(Options.Empty());
        var sample = Samples.Make(targets: ["A", "C"], choices: Planets);

        var first = await scorer.ScoreAsync(Samples.Input(sample, "C"), CancellationToken.None);
        var other = await scorer.ScoreAsync(Samples.Input(sample, "B"), CancellationToken.None);

        Assert.That(first.Value, Is.EqualTo(1));
        Assert.That(other.Value, Is.Zero);
        Assert.That(other.Explanation, Does.Contain("A or C"));
    }

    [Test]
    public void CheckSample_accepts_letter_or_option_text()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Check(["B"], Planets), Is.Null);
            Assert.That(Check(["d"], Planets), Is.Null);
            Assert.That(Check(["Mars"], Planets), Is.Null);
            Assert.That(Check(["富士山"], Mountains), Is.Null);
        }
    }

    [Test]
    public void CheckSample_rejects_fewer_than_two_choices()
    {
        Assert.That(Check(["A"], ["Only"]), Does.Contain("at least two"));
        Assert.That(Check(["A"], []), Is.Not.Null);
    }

    [Test]
    public void CheckSample_rejects_missing_target()
    {
        Assert.That(Check([], Planets), Does.Contain("needs a target"));
    }

    [TestCase("E")]
    [TestCase("Pluto")]
    [TestCase("")]
    public void CheckSample_rejects_target_that_is_neither_letter_nor_option(string target)
    {
        var message = Check([target], Planets);

        Assert.That(message, Is.Not.Null);
        Assert.That(message, Does.Contain("A to D"));
    }

    [Test]
    public void Factory_is_registered_as_choice()
    {
        Assert.That(ChoiceScorer.Factory.Name, Is.EqualTo("choice"));
        Assert.That(string.Join(",", ChoiceScorer.Factory.DefaultMetrics), Is.EqualTo("accuracy"));
    }
}
