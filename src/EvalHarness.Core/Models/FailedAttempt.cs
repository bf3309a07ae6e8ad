namespace EvalHarness.Models;

/// <summary>An attempt that failed and was retried: what went wrong and how long the harness waited.</summary>
public sealed record FailedAttempt(int Attempt, string Error, int? Status, double WaitedMs);
