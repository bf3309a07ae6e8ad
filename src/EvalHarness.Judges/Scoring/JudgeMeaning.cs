using EvalHarness.Judges.Metrics;
using EvalHarness.Judges.Rubrics;
using EvalHarness.Judges.Verdicts;
using EvalHarness.Metrics;
using EvalHarness.Scoring;

namespace EvalHarness.Judges.Scoring;

/// <summary>What a judge scorer's values mean and which metrics it reports, from its rubric's verdicts.</summary>
internal static class JudgeMeaning
{
    /// <summary>Labels worth 1 and 0 only are pass/fail; other labels and scales are graded on their own bounds.</summary>
    public static ScoreMeaning Of(Rubric rubric) => rubric.Verdict switch
    {
        LabelsGrammar labels when labels.Labels.All(l => l.Value is 0 or 1) => ScoreMeaning.PassFail,
        LabelsGrammar labels => ScoreMeaning.Graded(new ValueRange(labels.Labels.Min(l => l.Value), labels.Labels.Max(l => l.Value))),
        ScaleGrammar scale => ScoreMeaning.Graded(new ValueRange(scale.Min, scale.Max)),
        _ => ScoreMeaning.Graded(null),
    };

    /// <summary>
    /// A rate for pass/fail verdicts, a mean otherwise; on llm-jp-judge's 1–5 safety scale also its
    /// violation and acceptable rates; and the panel's agreement, shown only when there is a panel.
    /// </summary>
    public static IReadOnlyList<string> DefaultMetrics(Rubric rubric)
    {
        var main = Of(rubric).Kind == ScoreKind.PassFail ? "accuracy" : "mean";
        return rubric.Verdict is ScaleGrammar { Min: 1, Max: 5 }
            ? [main, ViolationRateMetric.Name, AcceptableRateMetric.Name, JudgeAgreementMetric.Name]
            : [main, JudgeAgreementMetric.Name];
    }
}
