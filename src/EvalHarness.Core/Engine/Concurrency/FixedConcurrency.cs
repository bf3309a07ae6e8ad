namespace EvalHarness.Engine.Concurrency;

/// <summary>
/// Exactly the number of requests the user asked for (<c>--max-connections N</c>). Retry-After still
/// pauses new requests: the user chose the ceiling, not to ignore the endpoint.
/// </summary>
public sealed class FixedConcurrency : IConcurrencyController
{
    private readonly SlotGate _gate;
    private readonly TimeProvider _time;

    private readonly string _option;

    /// <param name="option">The flag the limit came from, named in the log.</param>
    public FixedConcurrency(int limit, TimeProvider? time = null, string option = "--max-connections")
    {
        _option = option;
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        Limit = limit;
        _time = time ?? TimeProvider.System;
        _gate = new SlotGate(limit, _time);
    }

    public event Action<LimitChange>? Changed;

    public int Limit { get; }

    public ValueTask<IDisposable> AcquireAsync(CancellationToken cancellationToken) => _gate.AcquireAsync(cancellationToken);

    public void OnSuccess(TimeSpan latency)
    {
    }

    public void OnCongestion(TimeSpan? retryAfter, string? cause = null)
    {
        if (retryAfter is { } wait && wait > TimeSpan.Zero)
        {
            _gate.PauseUntil(_time.GetUtcNow() + wait);
        }
    }

    public void AnnounceStart() => Changed?.Invoke(new LimitChange(_time.GetUtcNow(), null, Limit, $"fixed by {_option}"));
}
