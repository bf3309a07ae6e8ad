using System.Text.Json.Serialization;
using EvalHarness.Suites;
using EvalHarness.Scoring;
using EvalHarness.Models;

namespace EvalHarness.Logs;

/// <summary>One sample and epoch: what was asked, what came back, how it scored, or why it failed.</summary>
public sealed record SampleRecord : LogRecord
{
    public required string Suite { get; init; }

    public required string Id { get; init; }

    public required int Epoch { get; init; }

    /// <summary>The messages sent with the final generate call.</summary>
    public required IReadOnlyList<PromptMessage> Input { get; init; }

    /// <summary>The model's answer (the last turn's, in a multi-turn conversation); null when the sample failed before one arrived.</summary>
    public string? Output { get; init; }

    /// <summary>Each turn of a multi-turn conversation (<c>multi_turn</c> step), in order; absent for a single question.</summary>
    public IReadOnlyList<TurnRecord>? Turns { get; init; }

    public IReadOnlyList<string> Targets { get; init; } = [];

    public IReadOnlyList<string> Choices { get; init; } = [];

    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    /// <summary>Scores by scorer id, in suite order; absent when the sample errored.</summary>
    public IReadOnlyDictionary<string, Score>? Scores { get; init; }

    public TokenUsage? Usage { get; init; }

    public double? LatencyMs { get; init; }

    public int Attempts { get; init; }

    public bool Cached { get; init; }

    /// <summary>When <see cref="Cached"/>: the run that first asked the model for this answer, as the cache recorded it (absent for answers cached before it did).</summary>
    public string? CachedFrom { get; init; }

    /// <summary>Attempts that failed and were retried, oldest first.</summary>
    public IReadOnlyList<FailedAttempt>? Retries { get; init; }

    public string? FinishReason { get; init; }

    public string? Model { get; init; }

    public SampleError? Error { get; init; }

    public DateTimeOffset Started { get; init; }

    public DateTimeOffset Completed { get; init; }

    [JsonIgnore]
    public bool IsError => Error is not null;
}
