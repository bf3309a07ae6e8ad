namespace EvalHarness.Gating;

/// <summary>The content of <c>gate.json</c>: a run (and its baseline) against a policy, rule by rule.</summary>
public sealed record GateVerdict
{
    public const string CurrentSchema = "evalharness.gate/1";

    public string Schema { get; init; } = CurrentSchema;

    /// <summary>True when no rule evaluation failed.</summary>
    public required bool Passed { get; init; }

    public required string Policy { get; init; }

    public required string PolicySha256 { get; init; }

    public required string RunId { get; init; }

    public required string Model { get; init; }

    /// <summary>The run's status (completed, incomplete, aborted): a gate over an unfinished run says so.</summary>
    public required string RunStatus { get; init; }

    /// <summary>Sample records in the run's log when it was judged: a report of a log that has grown since (a resumed run) does not show a stale verdict.</summary>
    public int LogRecords { get; init; }

    public string? BaselineRunId { get; init; }

    public string? BaselineModel { get; init; }

    public required double Alpha { get; init; }

    public required string Correction { get; init; }

    public required DateTimeOffset Evaluated { get; init; }

    public required IReadOnlyList<RuleOutcome> Outcomes { get; init; }

    public int FailedCount => Outcomes.Count(o => o.Status == OutcomeStatus.Fail);

    public int PassedCount => Outcomes.Count(o => o.Status == OutcomeStatus.Pass);

    public int SkippedCount => Outcomes.Count(o => o.Status == OutcomeStatus.Skipped);
}
