using EvalHarness.Risk.Robustness;
using EvalHarness.Scoring;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Risk.Robustness;

/// <summary>The consistency scorer reads a short answer so the same answer in other widths, cases or words compares equal.</summary>
[TestFixture]
public sealed class ConsistencyScorerTests
{
    private static Task<Score> ScoreAsync(string output, string[] targets, string language = "ja", string perturbation = "none")
    {
        var sample = Samples.Make(targets: targets, language: language, metadata: new()
        {
            [PerturbationKeys.Group] = "g1",
            [PerturbationKeys.Perturbation] = perturbation,
        });
        return TestScorers.Factory(ConsistencyScorer.Name).Create(Options.Empty()).ScoreAsync(Samples.Input(sample, output), CancellationToken.None);
    }

    [TestCase("富士山です。")]
    [TestCase("答え：富士山")]
    [TestCase("**ふじさん**")]
    [TestCase("日本で一番高い山は富士山（標高3776m）です。")]
    [TestCase("The answer is Mt. Fuji.")]
    [TestCase("MOUNT FUJI")]
    public async Task Every_written_form_of_the_target_reads_as_the_first_target(string output)
    {
        var score = await ScoreAsync(output, ["富士山", "ふじさん", "Mount Fuji", "Mt. Fuji"]);
        Assert.That((score.Value, score.Answer), Is.EqualTo(((double?)1, "富士山")), score.Explanation);
    }

    [TestCase("47", true)]
    [TestCase("４７です。", true)]
    [TestCase("四十七", true)]
    [TestCase("答え：47都道府県", true)]
    [TestCase("There are 47 prefectures.", true)]
    [TestCase("48", false)]
    public async Task Numeric_items_compare_numbers(string output, bool correct)
    {
        var score = await ScoreAsync(output, ["47"]);
        Assert.That(score.Value, Is.EqualTo(correct ? 1 : 0), score.Explanation);
        Assert.That(score.Answer, Is.EqualTo(correct ? "47" : "48"));
    }

    [TestCase("北岳です。", "北岳")]
    [TestCase("「北岳」", "北岳")]
    [TestCase("Mont Blanc.", "mont blanc")]
    [TestCase("答え：北岳だ", "北岳")]
    public async Task A_wrong_answer_is_its_cleaned_span_so_two_wrong_answers_can_still_agree(string output, string answer)
    {
        var score = await ScoreAsync(output, ["富士山", "Mount Fuji"]);
        Assert.That((score.Value, score.Answer), Is.EqualTo(((double?)0, answer)), score.Explanation);
    }

    [Test]
    public async Task Missing_group_or_unknown_perturbation_is_a_sample_problem()
    {
        var scorer = TestScorers.Factory(ConsistencyScorer.Name).Create(Options.Empty());
        Assert.That(scorer.CheckSample(Samples.Make(targets: ["1"]))?.Field, Is.EqualTo(PerturbationKeys.Group));
        var unknown = Samples.Make(targets: ["1"], metadata: new() { [PerturbationKeys.Group] = "g", [PerturbationKeys.Perturbation] = "typos" });
        Assert.That(scorer.CheckSample(unknown)?.Field, Is.EqualTo(PerturbationKeys.Perturbation));
        Assert.That(scorer.CheckSample(Samples.Make(metadata: new() { [PerturbationKeys.Group] = "g", [PerturbationKeys.Perturbation] = "none" }))?.Field, Is.EqualTo("target"));
        var score = await scorer.ScoreAsync(Samples.Input(unknown, "1"), CancellationToken.None);
        Assert.That(score.Error, Does.Contain("typo, width, kana, paraphrase"));
    }
}
