using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Aisev;

/// <summary>Multiple choice as aisev means it (Inspect's multiple_choice solver and choice() scorer): the letters after ANSWER, as a set.</summary>
[TestFixture]
public sealed class AisevChoiceTests
{
    private static readonly string[] Four = ["2", "3", "5", "8"];

    [TestCase("ANSWER: B", "B", 1)]
    [TestCase("Three is prime.\nanswer: b", "B", 1)]
    [TestCase("ANSWER: A, C", "AC", 1)]
    [TestCase("ANSWER: A,C", "AC", 1)]
    [TestCase("ANSWER: C", "AC", 0)]
    [TestCase("ANSWER: A, B, C", "AC", 0)]
    [TestCase("ANSWER: A,C", "A,C", 0)]
    [TestCase("I think it is B.", "B", 0)]
    [TestCase("My ANSWER: B is right", "B", 1)]
    public async Task The_letters_chosen_must_be_exactly_the_output_letters(string reply, string output, double expected)
    {
        var sample = Samples.Make("Which?", targets: [output], choices: Four);

        var score = await TestScorers.Factory("aisev_choice").Create(Options.Empty()).ScoreAsync(Samples.Input(sample, reply), CancellationToken.None);

        Assert.That(score.Value, Is.EqualTo(expected), score.Explanation);
    }

    [Test]
    public async Task A_letter_in_the_words_after_the_answer_counts_too_where_such_an_option_exists()
    {
        // Inspect takes every character of "B is right" as a letter: with ten options, B, G, H and I are chosen.
        var sample = Samples.Make("Which?", targets: ["B"], choices: [.. Enumerable.Range(0, 10).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))]);

        var score = await TestScorers.Factory("aisev_choice").Create(Options.Empty()).ScoreAsync(Samples.Input(sample, "ANSWER: B is right"), CancellationToken.None);

        Assert.That((score.Value, score.Answer), Is.EqualTo(((double?)0, "BGHI")));
    }

    [Test]
    public void A_row_without_options_or_answer_letters_cannot_be_scored()
    {
        var scorer = TestScorers.Factory("aisev_choice").Create(Options.Empty());

        Assert.That(scorer.CheckSample(Samples.Make("Which?", targets: ["B"]))!.Field, Is.EqualTo("choices"));
        Assert.That(scorer.CheckSample(Samples.Make("Which?", choices: Four))!.Field, Is.EqualTo("target"));
        Assert.That(scorer.CheckSample(Samples.Make("Which?", targets: ["B"], choices: Four)), Is.Null);
    }
}
