namespace EvalHarness.Engine.Concurrency;

/// <summary>
/// Decides how many samples may talk to the target at once. The engine holds a slot per sample in
/// flight; the resilience layer reports how each request went.
/// </summary>
public interface IConcurrencyController
{
    int Limit { get; }

    /// <summary>Raised when the limit changes; the engine writes each change to the run log.</summary>
    event Action<LimitChange>? Changed;

    /// <summary>Waits for a free slot (and for any Retry-After pause to end). Dispose the result to release it.</summary>
    ValueTask<IDisposable> AcquireAsync(CancellationToken cancellationToken);

    void OnSuccess(TimeSpan latency);

    /// <summary>
    /// The endpoint signalled overload; <paramref name="retryAfter"/> is how long it asked us to wait and
    /// <paramref name="cause"/> what it sent ("HTTP 429", "HTTP 503", "timeout"), for the log.
    /// </summary>
    void OnCongestion(TimeSpan? retryAfter, string? cause = null);

    /// <summary>Raises <see cref="Changed"/> once with the starting limit, so the log says how the run began.</summary>
    void AnnounceStart();
}
