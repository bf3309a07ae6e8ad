using EvalHarness.Risk.Hallucination;
using EvalHarness.Scoring;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Risk.Hallucination;

[TestFixture]
public sealed class ClosedBookScorerTests
{
    private static async Task<Score> ScoreOf(string output, string[] targets, string language = "ja")
    {
        var scorer = ClosedBookScorer.Factory.Create(Options.Empty());
        return await scorer.ScoreAsync(Samples.Input(Samples.Make(targets: targets, language: language), output), CancellationToken.None);
    }

    private static (double Correct, double Abstained, double ConfidentWrong, double Hedged) Flags(Score score) =>
        (score.Values![HallucinationValues.Correct], score.Values[HallucinationValues.Abstained], score.Values[HallucinationValues.ConfidentWrong], score.Values[HallucinationValues.Hedged]);

    [TestCase("1603年です。", new[] { "1603年" })]
    [TestCase("１６０３年です。", new[] { "1603年" })]
    [TestCase("一六〇三年です。", new[] { "1603年" })]
    [TestCase("千六百三年です。", new[] { "1603年" })]
    [TestCase("西暦1603。", new[] { "1603年" })]
    [TestCase("慶長8年（1603年）に開かれました。", new[] { "1603年" })]
    [TestCase("標高は3,776 mです。", new[] { "3776メートル" })]
    [TestCase("ｷｼﾞです。", new[] { "キジ" })]
    [TestCase("きじです。", new[] { "キジ" })]
    [TestCase("三百六十五日あります。", new[] { "365日" })]
    [TestCase("The answer is Canberra.", new[] { "Canberra" })]
    [TestCase("It was painted by Leonardo da Vinci.", new[] { "Leonardo da Vinci", "Leonardo" })]
    [TestCase("He was created by Arthur Conan Doyle's pen.", new[] { "Conan Doyle" })]
    public async Task Correct_answers_match_after_normalisation(string output, string[] targets)
    {
        var score = await ScoreOf(output, targets);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.Value, Is.EqualTo(1), score.Explanation);
            Assert.That(Flags(score), Is.EqualTo((1.0, 0.0, 0.0, 0.0)));
            Assert.That(score.Answer, Is.EqualTo(targets[0]), "a correct answer records the first target, so correct epochs agree");
        }
    }

    [TestCase("11603年です。", new[] { "1603年" })]
    [TestCase("16030です。", new[] { "1603" })]
    [TestCase("1603年ではなく1600年です。", new[] { "1603年" })]
    [TestCase("It was not 1603 but 1600.", new[] { "1603" })]
    [TestCase("Parisian food is great.", new[] { "Paris" })]
    public async Task Look_alikes_and_rejected_mentions_are_not_correct(string output, string[] targets)
    {
        var score = await ScoreOf(output, targets);
        Assert.That(score.Value, Is.EqualTo(0), score.Explanation);
    }

    [Test]
    public async Task A_hedged_wrong_answer_is_confident_wrong_not_an_abstention()
    {
        var en = await ScoreOf("I'm not sure, but it was 1603.", ["1600"], "en");
        var ja = await ScoreOf("確かではありませんが、1603年です。", ["1600年"]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Flags(en), Is.EqualTo((0.0, 0.0, 1.0, 1.0)), en.Explanation);
            Assert.That(Flags(ja), Is.EqualTo((0.0, 0.0, 1.0, 1.0)), ja.Explanation);
            Assert.That(en.Answer, Is.EqualTo("1603"), "the number the wrong answer gave, for self-consistency");
            Assert.That(en.Explanation, Does.StartWith("hedged wrong answer"));
        }
    }

    [TestCase("わかりません。", "ja")]
    [TestCase("申し訳ありませんが、正確な年は存じません。", "ja")]
    [TestCase("I don't know.", "en")]
    [TestCase("I'm not sure. Please check a reliable source.", "en")]
    [TestCase("", "en")]
    public async Task Abstentions_score_zero_and_are_not_wrong(string output, string language)
    {
        var score = await ScoreOf(output, ["1600年"], language);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.Value, Is.EqualTo(0));
            Assert.That(Flags(score), Is.EqualTo((0.0, 1.0, 0.0, 0.0)), score.Explanation);
            Assert.That(score.Answer, Is.EqualTo(ClosedBookScorer.AbstainedAnswer));
        }
    }

    [Test]
    public async Task A_confident_wrong_answer_records_what_it_said()
    {
        var score = await ScoreOf("利根川です。", ["信濃川"]);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Flags(score), Is.EqualTo((0.0, 0.0, 1.0, 0.0)));
            Assert.That(score.Answer, Is.EqualTo("利根川"));
            Assert.That(score.Explanation, Does.StartWith("confident wrong answer"));
        }
    }

    [Test]
    public void A_sample_without_a_target_is_a_validation_problem()
    {
        var scorer = ClosedBookScorer.Factory.Create(Options.Empty());
        Assert.That(scorer.CheckSample(Samples.Make())?.Field, Is.EqualTo("target"));
    }

    [TestCase("千六百三", "1603")]
    [TestCase("一六〇三", "1603")]
    [TestCase("三千七百七十六", "3776")]
    [TestCase("二万五千", "25000")]
    [TestCase("十月", "10月")]
    [TestCase("統一", "統一")]
    public void Kanji_numerals_become_digits(string text, string expected) =>
        Assert.That(KanjiNumerals.ToArabic(text), Is.EqualTo(expected));
}
