namespace EvalHarness.Resilience;

/// <summary>How hard the harness tries before recording a sample as failed.</summary>
public sealed record ResilienceOptions
{
    /// <summary>Retries after the first attempt for transient failures (<c>--max-retries</c>).</summary>
    public int MaxRetries { get; init; } = Defaults.MaxRetries;

    /// <summary>First backoff; it doubles per retry, with jitter.</summary>
    public TimeSpan BaseDelay { get; init; } = Defaults.RetryBaseDelay;

    public TimeSpan MaxDelay { get; init; } = Defaults.RetryMaxDelay;

    /// <summary>Time allowed for one attempt (<c>--timeout</c>).</summary>
    public TimeSpan AttemptTimeout { get; init; } = Defaults.AttemptTimeout;

    /// <summary>Longest Retry-After honoured; an endpoint asking for an hour gets this instead.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = Defaults.MaxRetryAfter;
}
