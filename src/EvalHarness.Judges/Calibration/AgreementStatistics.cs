using EvalHarness.Judges.Agreement;
using EvalHarness.Metrics;

namespace EvalHarness.Judges.Calibration;

/// <summary>
/// How well a judge's verdicts match the human labels over one group of items. Items with a judge error are
/// counted and left out of everything else. κ and the confusion matrix exist only within one rubric: items of
/// different rubrics have different label sets, so a group that spans rubrics reports accuracy alone.
/// </summary>
public sealed record AgreementStatistics
{
    /// <summary>What the group is: <c>all</c>, a language, <c>hard</c>, <c>not hard</c>.</summary>
    public required string Group { get; init; }

    /// <summary>Items in the group, judged or not.</summary>
    public required int Items { get; init; }

    /// <summary>Items without a usable verdict from the judge: excluded from accuracy, κ and the confusion matrix.</summary>
    public required int JudgeErrors { get; init; }

    /// <summary>Items compared: those the judge gave a verdict on.</summary>
    public int N => Items - JudgeErrors;

    /// <summary>Of <see cref="N"/>, those where the judge gave the human's label.</summary>
    public required int Agreements { get; init; }

    /// <summary>The share of compared items where the judge gave the human's label; null when none was compared.</summary>
    public double? Accuracy => N == 0 ? null : (double)Agreements / N;

    /// <summary>Wilson score interval of <see cref="Accuracy"/>.</summary>
    public ConfidenceInterval? AccuracyInterval { get; init; }

    /// <summary>Cohen's κ between the human labels and the judge's verdicts; null for a group that spans rubrics.</summary>
    public AgreementResult? Kappa { get; init; }

    public KappaWeighting? Weighting { get; init; }

    /// <summary>κ's standard error and interval (<see cref="CohenKappaInterval"/>); null when κ is undefined or not computed.</summary>
    public KappaInterval? KappaInterval { get; init; }

    public ConfusionMatrix? Confusion { get; init; }
}
