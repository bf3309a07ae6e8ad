using EvalHarness.Judges.Panels;
using EvalHarness.Judges.Verdicts;

namespace EvalHarness.Tests.Judges;

[TestFixture]
public sealed class JudgePanelTests
{
    private static readonly LabelsGrammar CorrectIncorrect = new([new("C", 1), new("I", 0)]);

    private static readonly LabelsGrammar Refusal = new([new("REFUSAL", 1), new("PARTIAL", 0.5), new("COMPLIANCE", 0)]);

    private static readonly ScaleGrammar Safety = new(1, 5);

    private static VerdictParse[] Judges(VerdictGrammar grammar, params string[] answers) =>
        answers.Select(grammar.Parse).ToArray();

    [Test]
    public void Majority_takes_the_label_more_than_half_the_judges_gave()
    {
        var panel = JudgePanel.Combine(Judges(CorrectIncorrect, "GRADE: C", "GRADE: I", "GRADE: C"), PanelVote.Majority, CorrectIncorrect);

        Assert.That(panel.Error, Is.Null);
        Assert.That(panel.Label, Is.EqualTo("C"));
        Assert.That(panel.Value, Is.EqualTo(1.0));
        Assert.That(panel.Counts, Is.EqualTo(new[] { new PanelCount("C", 1, 2), new PanelCount("I", 0, 1) }));
        Assert.That((panel.Valid, panel.Failed), Is.EqualTo((3, 0)));
    }

    [Test]
    public void A_split_panel_is_neither_pass_nor_fail()
    {
        var panel = JudgePanel.Combine(Judges(CorrectIncorrect, "GRADE: I", "GRADE: C"), PanelVote.Majority, CorrectIncorrect);

        Assert.That(panel.Value, Is.Null);
        Assert.That(panel.Label, Is.Null);
        Assert.That(panel.Error, Is.EqualTo("no majority: C 1, I 1"));
    }

    [Test]
    public void A_plurality_below_half_is_no_majority()
    {
        var panel = JudgePanel.Combine(Judges(Refusal, "VERDICT: REFUSAL", "VERDICT: PARTIAL", "VERDICT: COMPLIANCE", "VERDICT: REFUSAL"), PanelVote.Majority, Refusal);

        Assert.That(panel.Error, Is.EqualTo("no majority: REFUSAL 2, PARTIAL 1, COMPLIANCE 1"));
    }

    [Test]
    public void A_judge_whose_answer_had_no_verdict_is_left_out_of_the_vote()
    {
        var panel = JudgePanel.Combine(Judges(CorrectIncorrect, "GRADE: C", "I cannot decide.", "GRADE: C"), PanelVote.Majority, CorrectIncorrect);

        Assert.That(panel.Label, Is.EqualTo("C"));
        Assert.That((panel.Valid, panel.Failed), Is.EqualTo((2, 1)));
    }

    [Test]
    public void Errors_do_not_count_against_a_majority()
    {
        // One valid C out of three judges: the two failures are not votes for I.
        var panel = JudgePanel.Combine(Judges(CorrectIncorrect, "GRADE: C", "", "GRADE: X"), PanelVote.Majority, CorrectIncorrect);

        Assert.That(panel.Label, Is.EqualTo("C"));
        Assert.That(panel.Failed, Is.EqualTo(2));
    }

    [Test]
    public void A_panel_where_every_judge_failed_has_no_verdict()
    {
        var panel = JudgePanel.Combine(Judges(CorrectIncorrect, "", "no idea"), PanelVote.Mean, CorrectIncorrect);

        Assert.That(panel.Value, Is.Null);
        Assert.That(panel.Error, Does.StartWith("no judge gave a usable verdict (2 failed; first: the judge's answer is empty)"));
        Assert.That(panel.Counts, Is.Empty);
    }

    [Test]
    public void An_empty_panel_has_no_verdict()
    {
        Assert.That(JudgePanel.Combine([], PanelVote.Majority, Safety).Error, Is.EqualTo("the panel has no judges"));
    }

    [Test]
    public void Majority_on_a_scale_takes_the_rating_most_judges_gave()
    {
        var panel = JudgePanel.Combine(Judges(Safety, "[[4]]", "[[4]]", "[[2]]"), PanelVote.Majority, Safety);

        Assert.That(panel.Value, Is.EqualTo(4.0));
        Assert.That(panel.Counts, Is.EqualTo(new[] { new PanelCount(null, 2, 1), new PanelCount(null, 4, 2) }));
    }

    [Test]
    public void Mean_averages_the_valid_values()
    {
        var panel = JudgePanel.Combine(Judges(Safety, "[[5]]", "[[2]]", "[[4]]", "nothing"), PanelVote.Mean, Safety);

        Assert.That(panel.Value, Is.EqualTo(11.0 / 3).Within(1e-12));
        Assert.That(panel.Label, Is.Null);
        Assert.That(panel.Failed, Is.EqualTo(1));
    }

    [Test]
    public void Mean_of_labels_averages_their_values()
    {
        var panel = JudgePanel.Combine(Judges(Refusal, "VERDICT: REFUSAL", "VERDICT: PARTIAL"), PanelVote.Mean, Refusal);

        Assert.That(panel.Value, Is.EqualTo(0.75));
        Assert.That(panel.Label, Is.Null);
    }

    [Test]
    public void Mean_keeps_the_label_when_every_judge_agreed()
    {
        var panel = JudgePanel.Combine(Judges(CorrectIncorrect, "GRADE: C", "GRADE: C"), PanelVote.Mean, CorrectIncorrect);

        Assert.That((panel.Value, panel.Label), Is.EqualTo((1.0, "C")));
    }

    [Test]
    public void All_passes_only_if_every_judge_passes()
    {
        var fail = JudgePanel.Combine(Judges(CorrectIncorrect, "GRADE: C", "GRADE: C", "GRADE: I"), PanelVote.All, CorrectIncorrect);
        var pass = JudgePanel.Combine(Judges(CorrectIncorrect, "GRADE: C", "GRADE: C"), PanelVote.All, CorrectIncorrect);

        Assert.That((fail.Value, fail.Label), Is.EqualTo((0.0, "I")));
        Assert.That((pass.Value, pass.Label), Is.EqualTo((1.0, "C")));
    }

    [Test]
    public void All_on_a_scale_takes_the_lowest_rating()
    {
        var panel = JudgePanel.Combine(Judges(Safety, "[[5]]", "[[2]]", "[[4]]"), PanelVote.All, Safety);

        Assert.That(panel.Value, Is.EqualTo(2.0));
    }
}
