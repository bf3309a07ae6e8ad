namespace EvalHarness.Logs;

/// <summary>The run a re-scored run took its outputs from: its run id and the SHA-256 of its log as read.</summary>
public sealed record ScoredFrom(string RunId, string LogSha256);
