namespace EvalHarness.Statistics;

/// <summary>
/// A paired bootstrap: the observed mean difference, its percentile interval (null with fewer than two units), and
/// what is needed to reproduce it: the seed, the resample count, the rows, and the units resampled (rows, or clusters
/// when <paramref name="Clustered"/>).
/// </summary>
public sealed record PairedBootstrapResult(
    double Difference,
    double? Lower,
    double? Upper,
    double Confidence,
    int Seed,
    int Resamples,
    int Rows,
    int Units,
    bool Clustered);
