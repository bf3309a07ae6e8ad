using EvalHarness.Scoring;

namespace EvalHarness.Comparison;

/// <summary>
/// One scorer of one suite, overall (<see cref="Group"/> null) or within one group, compared over the samples both
/// runs scored. <see cref="Difference"/> is B − A. Pass/fail rows carry McNemar's discordant counts and the minimum
/// detectable difference; graded rows the Wilcoxon signed-rank test.
/// </summary>
/// <param name="Excluded">Samples both runs hold that only one of them scored (unscorable, judge failure, errors): not paired, but counted.</param>
public sealed record CompareRow(
    string Suite,
    string Scorer,
    string? Group,
    ScoreKind Kind,
    ScoreDirection Direction,
    int N,
    int Excluded,
    double? MeanA,
    double? MeanB,
    double? Difference,
    double? Lower,
    double? Upper,
    string Test,
    double? PValue)
{
    /// <summary>Samples that passed in A and failed in B (McNemar's b); null for graded rows.</summary>
    public int? PassToFail { get; init; }

    /// <summary>Samples that failed in A and passed in B (McNemar's c).</summary>
    public int? FailToPass { get; init; }

    /// <summary>The smallest difference detectable at α with 80% power given the observed discordant proportion; null when undefined.</summary>
    public double? DetectableDifference { get; init; }

    public bool BootstrapClustered { get; init; }

    public double? AdjustedPValue { get; init; }

    public string Verdict { get; init; } = CompareVerdict.NoChange;
}
