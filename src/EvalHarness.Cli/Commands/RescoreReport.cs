namespace EvalHarness.Cli.Commands;

/// <summary>What the re-scoring check compared and what differed.</summary>
internal sealed record RescoreReport
{
    /// <summary>Each difference between the pack and its re-computation; any one makes the pack fail verification.</summary>
    public required IReadOnlyList<RescoreFinding> Differences { get; init; }

    /// <summary>
    /// What could not be checked here and why (a scorer whose tokenizer is not installed on this machine, a user
    /// rubric that is not in the pack); not differences, but a verifier should read them.
    /// </summary>
    public required IReadOnlyList<RescoreFinding> NotChecked { get; init; }

    /// <summary>Suite files whose SHA-256 was compared with the log header's.</summary>
    public int SuiteFiles { get; init; }

    /// <summary>Sample records (sample and epoch) with an answer whose deterministic scores were computed again.</summary>
    public int SamplesRescored { get; init; }

    /// <summary>Deterministic scorers (per suite) computed again from the recorded answers.</summary>
    public int ScorersRescored { get; init; }

    /// <summary>Judge scorers (per suite) whose verdicts were taken from the log as recorded.</summary>
    public int JudgeScorersFromLog { get; init; }

    /// <summary>Scorer resources (rubrics, lexicons) whose SHA-256 was compared with the log header's.</summary>
    public int ResourcesChecked { get; init; }

    /// <summary>Metric values (suite, group and overview entries) compared with results.json.</summary>
    public int MetricsCompared { get; init; }
}
