using System.Text.Json.Nodes;
using EvalHarness.Metrics;

namespace EvalHarness.Logs;

/// <summary>A configured scorer: enough to rebuild it for re-scoring and to compute its metrics.</summary>
/// <param name="Range">Bounds of the scorer's values (absent in logs written before it was recorded: intervals are then not clipped).</param>
public sealed record ScorerHeader(string Id, string Name, JsonObject Options, IReadOnlyList<string> Metrics, ValueRange? Range = null);
