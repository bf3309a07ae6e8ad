using EvalHarness.Comparison;
using EvalHarness.Logs;
using EvalHarness.Results;

namespace EvalHarness.Gating;

/// <summary>What the rules of one evaluation share: the run's results, and the comparison built once, when first needed.</summary>
internal sealed class GateContext(ResultsBuilder builder, RunLog run, RunResults results, RunLog? baseline, GatePolicy policy)
{
    private RunPairComparison? _comparison;

    public ResultsBuilder Builder => builder;

    public RunLog Run => run;

    public RunResults Results => results;

    public RunLog? Baseline => baseline;

    public GatePolicy Policy => policy;

    /// <summary>Baseline A, this run B, tested as <c>evalh compare</c> tests with the policy's α and correction.</summary>
    public RunPairComparison Comparison => _comparison ??= RunComparer.Compare(builder, baseline!, run, new CompareOptions(policy.Alpha, policy.Correction));

    public SuiteHeader? Suite(string name) => run.Header.Suites.FirstOrDefault(s => s.Name == name);
}
