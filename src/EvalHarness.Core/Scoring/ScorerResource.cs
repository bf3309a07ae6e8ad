namespace EvalHarness.Scoring;

/// <summary>A text a scorer's verdicts depend on: its name (a rubric id and language), where it came from, and the SHA-256 of its exact bytes.</summary>
public sealed record ScorerResource(string Name, string Source, string Sha256);
