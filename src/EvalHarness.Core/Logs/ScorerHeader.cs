using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using EvalHarness.Metrics;
using EvalHarness.Scoring;

namespace EvalHarness.Logs;

/// <summary>A configured scorer: enough to rebuild it for re-scoring and to compute its metrics.</summary>
/// <param name="Range">Bounds of the scorer's values (absent in logs written before it was recorded: intervals are then not clipped).</param>
/// <param name="Kind">What the values are (absent in older logs: pass/fail when the scorer reports accuracy, else graded).</param>
/// <param name="Direction">Which way is better (absent in older logs: higher).</param>
public sealed record ScorerHeader(string Id, string Name, JsonObject Options, IReadOnlyList<string> Metrics, ValueRange? Range = null, ScoreKind? Kind = null, ScoreDirection? Direction = null)
{
    /// <summary>The roles the scorer calls (<c>judge</c>); absent when none.</summary>
    public IReadOnlyList<string>? Roles { get; init; }

    /// <summary>The texts its verdicts depend on (rubrics) with their SHA-256; absent when none.</summary>
    public IReadOnlyList<ScorerResource>? Resources { get; init; }

    public static ScorerHeader For(ScorerConfig config) =>
        new(config.Id, config.Name, config.Options, config.Metrics, config.Meaning.Range, config.Meaning.Kind, config.Meaning.Direction)
        {
            Roles = config.Scorer.Roles is { Count: > 0 } roles ? roles : null,
            Resources = config.Scorer.Resources is { Count: > 0 } resources ? resources : null,
        };

    /// <summary>The declared meaning, or for logs written before it was recorded what the metrics imply.</summary>
    [JsonIgnore]
    public ScoreMeaning Meaning => new(
        Kind ?? (Metrics.Contains("accuracy", StringComparer.Ordinal) ? ScoreKind.PassFail : ScoreKind.Graded),
        Direction ?? ScoreDirection.HigherIsBetter,
        Range);
}
