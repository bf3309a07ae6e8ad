namespace EvalHarness.Engine.Concurrency;

/// <summary>A concurrency limit change and why it happened; <paramref name="Previous"/> is null for the starting limit.</summary>
public sealed record LimitChange(DateTimeOffset At, int? Previous, int Limit, string Reason, TimeSpan? RetryAfter = null);
