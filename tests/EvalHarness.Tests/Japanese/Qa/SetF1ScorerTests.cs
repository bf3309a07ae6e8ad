using EvalHarness.Japanese.Qa;

namespace EvalHarness.Tests.Japanese.Qa;

/// <summary>
/// llm-jp-eval's set_f1: P = matched / |distinct stripped output lines|, R = matched / |stripped target
/// lines| (duplicates and empty lines kept), matched = distinct output lines found among the target lines,
/// F1 = 2(P·R)/(P + R) or 0. Each expected value below is derived from that definition by hand.
/// </summary>
[TestFixture]
public sealed class SetF1ScorerTests
{
    // {a,b,c} against [a,b]: matched 2, P = 2/3, R = 2/2 = 1, F1 = (4/3)/(5/3) = 4/5.
    [TestCase("a\nb\nc", "a\nb", 0.8)]
    // Output lines are de-duplicated: {a,b} against [a,b]: P = R = 1.
    [TestCase("a\na\nb", "a\nb", 1.0)]
    // Target lines are not: {a} against [a,a]: matched 1, P = 1, R = 1/2, F1 = 1/(3/2) = 2/3.
    [TestCase("a", "a\na", 2.0 / 3)]
    // Lines are stripped of Python whitespace (U+3000, \r, \t): {a,b} against [a,b].
    [TestCase("\u3000a \r\nb\t", "a\nb", 1.0)]
    // An empty line is the item "": {a,"",b} against [a,b]: P = 2/3, R = 1, F1 = 4/5.
    [TestCase("a\n\nb", "a\nb", 0.8)]
    // A trailing newline in the target is an empty target line: {a} against [a,""]: P = 1, R = 1/2, F1 = 2/3.
    [TestCase("a", "a\n", 2.0 / 3)]
    // Order is irrelevant: {b,a} against [a,b].
    [TestCase("b\na", "a\nb", 1.0)]
    // Nothing shared: P + R = 0, so F1 is 0 rather than a division by zero.
    [TestCase("x\ny", "a\nb", 0.0)]
    // Both empty: {""} against [""]: matched 1, P = R = 1.
    [TestCase("", "", 1.0)]
    // Empty output against a real answer: {""} against [a]: 0.
    [TestCase("", "a", 0.0)]
    // Only "\n" separates; a space does not: {"a b"} against [a, b]: 0.
    [TestCase("a b", "a\nb", 0.0)]
    public async Task Values_follow_llm_jp_eval(string output, string target, double expected)
    {
        var score = await QaScorerRun.ScoreAsync(SetF1Scorer.Factory, output, [target]);

        Assert.That(score.Value, Is.EqualTo(expected).Within(1e-15), score.Explanation);
    }

    [Test]
    public async Task The_output_is_nfkc_normalised_and_case_still_matters()
    {
        // NFKC turns "Ａ\nｂ" into "A\nb". Against [a, b] only b matches: P = 1/2, R = 1/2, F1 = 1/2.
        var exact = await QaScorerRun.ScoreAsync(SetF1Scorer.Factory, "Ａ\nｂ", ["A\nb"]);
        var caseDiffers = await QaScorerRun.ScoreAsync(SetF1Scorer.Factory, "Ａ\nｂ", ["a\nb"]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exact.Value, Is.EqualTo(1.0));
            Assert.That(caseDiffers.Value, Is.EqualTo(0.5));
        }
    }

    [Test]
    public async Task Metadata_carries_precision_recall_and_counts()
    {
        // {a,b,c} against [a,b]: matched 2, P = 2/3, R = 1.
        var score = await QaScorerRun.ScoreAsync(SetF1Scorer.Factory, "a\nb\nc", ["a\nb"]);
        var metadata = score.Metadata!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(metadata["precision"]!.GetValue<double>(), Is.EqualTo(2.0 / 3));
            Assert.That(metadata["recall"]!.GetValue<double>(), Is.EqualTo(1.0));
            Assert.That(metadata["predicted_lines"]!.GetValue<int>(), Is.EqualTo(3));
            Assert.That(metadata["target_lines"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(metadata["matched"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(score.Explanation, Does.StartWith("2 of 3 distinct output lines found among the 2 lines of target"));
        }
    }

    [Test]
    public async Task First_paragraph_drops_everything_after_a_blank_line()
    {
        // Cut at "\n\n" leaves "a": {a} against [a,b]: P = 1, R = 1/2, F1 = 2/3.
        var score = await QaScorerRun.ScoreAsync(SetF1Scorer.Factory, "a\n\nb", ["a\nb"], """{"first_paragraph": true}""");

        Assert.That(score.Value, Is.EqualTo(2.0 / 3).Within(1e-15));
    }

    [Test]
    public async Task The_best_target_wins()
    {
        // Against [x]: 0. Against [a,b]: {a} → P = 1, R = 1/2, F1 = 2/3.
        var score = await QaScorerRun.ScoreAsync(SetF1Scorer.Factory, "a", ["x", "a\nb"]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(score.Value, Is.EqualTo(2.0 / 3).Within(1e-15));
            Assert.That(score.Metadata!["target"]!.GetValue<int>(), Is.EqualTo(1));
        }
    }
}
