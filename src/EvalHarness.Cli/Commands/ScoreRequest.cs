using EvalHarness.Loading;

namespace EvalHarness.Cli.Commands;

/// <summary>What <c>evalh score</c> was asked: which run, where the new one goes, which scorers and judges.</summary>
internal sealed record ScoreRequest
{
    /// <summary>The recorded run: its directory, or its log.jsonl.</summary>
    public required string Run { get; init; }

    public required string Output { get; init; }

    /// <summary>A YAML file with a <c>scorers:</c> list that adds to (or, by id, replaces) the run's scorers.</summary>
    public string? Scorers { get; init; }

    public JudgeRequest Judges { get; init; } = JudgeRequest.None;

    /// <summary>Ask the judges about every sample again, not only about those without a verdict.</summary>
    public bool Rejudge { get; init; }

    public TimeSpan? Timeout { get; init; }

    public int? MaxRetries { get; init; }

    public bool NoCache { get; init; }

    public string? CacheDirectory { get; init; }

    public LoadOptions Loading { get; init; } = LoadOptions.Default;
}
