using EvalHarness.Models;

namespace EvalHarness.Comparison;

/// <summary>The result of <c>evalh compare A B</c>: pairing per suite and one row per scorer, overall and per group.</summary>
public sealed record RunPairComparison(
    string RunA,
    ModelInfo ModelA,
    string RunB,
    ModelInfo ModelB,
    CompareOptions Options,
    int Seed,
    IReadOnlyList<string> SuitesOnlyInA,
    IReadOnlyList<string> SuitesOnlyInB,
    IReadOnlyList<SuitePairing> Suites,
    IReadOnlyList<CompareRow> Rows)
{
    public const string Schema = "evalharness.compare/1";

    public int Regressions => Rows.Count(r => r.Verdict == CompareVerdict.Regression);

    public int Improvements => Rows.Count(r => r.Verdict == CompareVerdict.Improvement);

    /// <summary>Paired-bootstrap resamples drawn per row (with <see cref="Seed"/>).</summary>
    public int Resamples => Options.Resamples;

    /// <summary>Rows with a p-value: the family the correction covers.</summary>
    public int Tested => Rows.Count(r => r.PValue is not null);
}
