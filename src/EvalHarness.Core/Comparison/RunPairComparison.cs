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
}
