using System.Text.Json.Nodes;

namespace EvalHarness.Scoring;

/// <summary>A scorer as a suite configured it: its id within the suite, the factory name, options and metrics.</summary>
public sealed record ScorerConfig(string Id, string Name, JsonObject Options, IReadOnlyList<string> Metrics, IScorer Scorer, ScoreMeaning Meaning);
