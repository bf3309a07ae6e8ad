using EvalHarness.Comparison;
using EvalHarness.Logs;
using EvalHarness.Reports;
using EvalHarness.Results;

namespace EvalHarness.Gating;

/// <summary>What the rules of one evaluation share: the run's results, and the comparison and masked log built once, when first needed.</summary>
internal sealed class GateContext(ResultsBuilder builder, RunLog run, RunResults results, RunLog? baseline, GatePolicy policy)
{
    private RunPairComparison? _comparison;
    private readonly Dictionary<string, List<SampleOutcome>> _maskedOutcomes = new(StringComparer.Ordinal);
    private RunLog? _masked;

    public ResultsBuilder Builder => builder;

    public RunLog Run => run;

    public RunResults Results => results;

    public RunLog? Baseline => baseline;

    public GatePolicy Policy => policy;

    /// <summary>Baseline A, this run B, tested as <c>evalh compare</c> tests with the policy's α and correction.</summary>
    public RunPairComparison Comparison => _comparison ??= RunComparer.Compare(builder, baseline!, run, new CompareOptions(policy.Alpha, policy.Correction));

    /// <summary>The run as the reports show it: personal data a scorer found masked, since failed samples quote outputs.</summary>
    public RunLog Masked => _masked ??= OutputMasking.Mask(run);

    public SuiteHeader? Suite(string name) => run.Header.Suites.FirstOrDefault(s => s.Name == name);

    /// <summary>A suite's samples from the masked log, collected once however many groups of it fail.</summary>
    public List<SampleOutcome> MaskedOutcomes(SuiteHeader suite)
    {
        if (!_maskedOutcomes.TryGetValue(suite.Name, out var outcomes))
        {
            _maskedOutcomes[suite.Name] = outcomes = builder.Outcomes(suite, Masked);
        }

        return outcomes;
    }
}
