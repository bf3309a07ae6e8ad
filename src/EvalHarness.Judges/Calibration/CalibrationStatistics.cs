using EvalHarness.Judges.Agreement;
using EvalHarness.Metrics;

namespace EvalHarness.Judges.Calibration;

/// <summary>Computes <see cref="AgreementStatistics"/> for one group of items.</summary>
public static class CalibrationStatistics
{
    /// <param name="rubric">The rubric every item of the group belongs to, for κ and the confusion matrix; null for a group that spans rubrics.</param>
    public static AgreementStatistics Compute(string group, IReadOnlyList<ItemOutcome> outcomes, CalibrationRubric? rubric, double confidence = 0.95)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var judged = outcomes.Where(o => o.Judged).ToList();
        var agreements = judged.Count(o => o.Agrees);
        var statistics = new AgreementStatistics
        {
            Group = group,
            Items = outcomes.Count,
            JudgeErrors = outcomes.Count - judged.Count,
            Agreements = agreements,
            AccuracyInterval = Intervals.Wilson(agreements, judged.Count, confidence),
        };
        if (rubric is null)
        {
            return statistics;
        }

        if (outcomes.FirstOrDefault(o => o.Item.Rubric != rubric.Id) is { } stray)
        {
            throw new ArgumentException($"item '{stray.Item.Id}' belongs to rubric '{stray.Item.Rubric}', not '{rubric.Id}'", nameof(outcomes));
        }

        var kappa = CohenKappa.Compute(
            outcomes.Select(o => (string?)o.Item.Label).ToList(),
            outcomes.Select(o => o.JudgeLabel).ToList(),
            rubric.Weighting,
            rubric.Categories);
        var confusion = ConfusionMatrix.Of(rubric.Categories, judged.Select(o => (o.Item.Label, o.JudgeLabel!)));
        return statistics with
        {
            Kappa = kappa,
            Weighting = rubric.Weighting,
            KappaInterval = kappa.Value is null ? null : CohenKappaInterval.Compute(confusion.ToArray(), rubric.Weighting, confidence),
            Confusion = confusion,
        };
    }
}
