using EvalHarness.Models;

namespace EvalHarness.Results;

/// <summary>How a run (the candidate) differs from another (the baseline), regressions first.</summary>
public sealed record RunComparison(
    string BaselineRunId,
    ModelInfo BaselineModel,
    string CandidateRunId,
    ModelInfo CandidateModel,
    IReadOnlyList<MetricDelta> Deltas)
{
    /// <summary>Suites only the candidate ran: not compared, and left out of the overview rows.</summary>
    public IReadOnlyList<string> OnlyInCandidate { get; init; } = [];

    /// <summary>Suites only the baseline ran: not compared, and left out of the overview rows.</summary>
    public IReadOnlyList<string> OnlyInBaseline { get; init; } = [];

    /// <summary>True when the runs ran different suites, so only those both ran were compared.</summary>
    public bool SuitesDiffer => OnlyInCandidate.Count > 0 || OnlyInBaseline.Count > 0;

    public int Regressions => Deltas.Count(d => d.Change == MetricChange.Regression);

    public int Improvements => Deltas.Count(d => d.Change == MetricChange.Improvement);
}
