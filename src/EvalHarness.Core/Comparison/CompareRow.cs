using EvalHarness.Scoring;

namespace EvalHarness.Comparison;

/// <summary>
/// One metric of one scorer of one suite, overall (<see cref="Group"/> null) or within one group, compared over the
/// samples both runs scored; or one overview pass rate (<see cref="Overview"/>). <see cref="Difference"/> is B − A,
/// <see cref="MeanA"/> and <see cref="MeanB"/> the metric's values in A and B. A scorer's primary row (the plain mean
/// of its per-sample values) is tested by McNemar (pass/fail, with the discordant counts) or Wilcoxon (graded); every
/// other metric, and the overview, by a paired bootstrap of the metric itself (<see cref="Test"/> "paired bootstrap").
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

    /// <summary>
    /// The smallest difference detectable at α with 80% power: for McNemar rows from the observed discordant proportion,
    /// otherwise from the standard error of the difference; null when undefined.
    /// </summary>
    public double? DetectableDifference { get; init; }

    public bool BootstrapClustered { get; init; }

    public double? AdjustedPValue { get; init; }

    public string Verdict { get; init; } = CompareVerdict.NoChange;

    /// <summary>The metric compared: the scorer's plain-mean metric (accuracy, mean, mean_bootstrap) on its primary row; "pass rate" on overview rows.</summary>
    public string Metric { get; init; } = string.Empty;

    /// <summary>The metric is a rate: values and differences read in percentage points.</summary>
    public bool Proportion { get; init; }

    /// <summary>An overview row: the pass rate of one risk, perspective or quality category across the suites both runs ran.</summary>
    public bool Overview { get; init; }

    /// <summary>Bootstrap resamples behind the interval (and the p-value of bootstrap rows) where the metric was defined in both runs.</summary>
    public int Resamples { get; init; }

    /// <summary>How <see cref="DetectableDifference"/> was found (Connor's McNemar formula, or the normal approximation from a standard error).</summary>
    public string? DetectableMethod { get; init; }

    /// <summary>Significant after the multiple-testing adjustment: the adjusted p-value is below α.</summary>
    public bool Significant { get; init; }
}
