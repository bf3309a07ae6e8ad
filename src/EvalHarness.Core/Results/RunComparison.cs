using EvalHarness.Models;

namespace EvalHarness.Results;

/// <summary>How a run (the candidate) differs from another (the baseline), regressions first, with how it was tested.</summary>
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

    public double Alpha { get; init; } = 0.05;

    /// <summary>"holm" or "fdr_bh", across <see cref="Tested"/> rows.</summary>
    public string Correction { get; init; } = Statistics.MultipleTesting.HolmMethod;

    public int Tested { get; init; }

    public int Seed { get; init; }

    public int Resamples { get; init; }

    /// <summary>Set when no bootstrap row can be significant at this many resamples and rows: the resamples that would allow it.</summary>
    public int? ResamplesNeeded { get; init; }

    /// <summary>Per suite both ran, how samples paired (A is the baseline, B the candidate): unpaired samples, differing suite files.</summary>
    public IReadOnlyList<Comparison.SuitePairing> Pairing { get; init; } = [];
}
