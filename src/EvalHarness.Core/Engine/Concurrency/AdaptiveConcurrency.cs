namespace EvalHarness.Engine.Concurrency;

/// <summary>
/// Finds the concurrency an endpoint sustains, in the manner of TCP congestion control. The limit
/// doubles each round (one round = as many successes as the limit) until the first sign of trouble,
/// then grows by one per round. A 429, 503 or timeout halves it (once per round) and pauses new
/// requests for the Retry-After the endpoint asked for; latency far above the best seen holds or
/// shrinks it. It never drops below the minimum.
/// </summary>
public sealed class AdaptiveConcurrency : IConcurrencyController
{
    private readonly AdaptiveConcurrencyOptions _options;
    private readonly TimeProvider _time;
    private readonly SlotGate _gate;
    private readonly Lock _lock = new();
    private int _limit;
    private bool _slowStart = true;
    private int _successesThisRound;
    private double _smoothedMs = double.NaN;
    private double _baselineMs = double.PositiveInfinity;
    private int _roundsSinceBaseline;
    private long _lastCutTimestamp;

    public AdaptiveConcurrency(AdaptiveConcurrencyOptions? options = null, TimeProvider? time = null)
    {
        _options = options ?? new AdaptiveConcurrencyOptions();
        _time = time ?? TimeProvider.System;
        _limit = Math.Clamp(_options.Initial, _options.Minimum, _options.Maximum);
        _gate = new SlotGate(_limit, _time);
    }

    public event Action<LimitChange>? Changed;

    public int Limit
    {
        get
        {
            lock (_lock)
            {
                return _limit;
            }
        }
    }

    public ValueTask<IDisposable> AcquireAsync(CancellationToken cancellationToken) => _gate.AcquireAsync(cancellationToken);

    public void AnnounceStart() => Publish(new LimitChange(_time.GetUtcNow(), null, Limit, "start (adaptive)"));

    public void OnSuccess(TimeSpan latency)
    {
        LimitChange? change = null;
        lock (_lock)
        {
            var ms = Math.Max(latency.TotalMilliseconds, 0.01);
            _smoothedMs = double.IsNaN(_smoothedMs) ? ms : (0.8 * _smoothedMs) + (0.2 * ms);
            if (++_successesThisRound < _limit)
            {
                return;
            }

            _successesThisRound = 0;

            // The baseline is the best smoothed latency of recent rounds; it is re-learnt now and then
            // so that a slow start or a changed workload does not pin it forever.
            if (_smoothedMs < _baselineMs || ++_roundsSinceBaseline >= 50)
            {
                _baselineMs = _smoothedMs;
                _roundsSinceBaseline = 0;
            }

            var ratio = _smoothedMs / _baselineMs;
            if (ratio > _options.ShrinkFactor)
            {
                _slowStart = false;
                change = SetLimitLocked((int)(_limit * 0.75), $"shrink: latency {ratio:0.0}× the best seen, the endpoint is queueing");
            }
            else if (ratio <= _options.HoldFactor)
            {
                change = SetLimitLocked(_slowStart ? _limit * 2 : _limit + 1, _slowStart ? "grow: keeping up (slow start)" : "grow: keeping up");
            }
        }

        Publish(change);
    }

    public void OnCongestion(TimeSpan? retryAfter, string? cause = null)
    {
        LimitChange? change = null;
        lock (_lock)
        {
            _slowStart = false;
            _successesThisRound = 0;

            // One burst of 429s is one signal: cut at most once per typical request time.
            var sinceCut = _time.GetElapsedTime(_lastCutTimestamp);
            var roundTime = double.IsNaN(_smoothedMs) ? TimeSpan.FromMilliseconds(100) : TimeSpan.FromMilliseconds(_smoothedMs);
            if (_lastCutTimestamp == 0 || sinceCut >= roundTime)
            {
                _lastCutTimestamp = _time.GetTimestamp();
                change = SetLimitLocked(_limit / 2, CongestionReason(retryAfter, cause), retryAfter);
            }
        }

        if (retryAfter is { } wait && wait > TimeSpan.Zero)
        {
            _gate.PauseUntil(_time.GetUtcNow() + wait);
        }

        Publish(change);
    }

    private static string CongestionReason(TimeSpan? retryAfter, string? cause)
    {
        var what = cause == "HTTP 429" || (cause is null && retryAfter is not null) ? "rate limited" : "overloaded";
        var details = string.Join(", ", new[] { cause, retryAfter is { } r ? FormattableString.Invariant($"Retry-After {r.TotalSeconds:0.###} s") : null }.OfType<string>());
        return details.Length == 0 ? what : $"{what} ({details})";
    }

    private LimitChange? SetLimitLocked(int proposed, string reason, TimeSpan? retryAfter = null)
    {
        var limit = Math.Clamp(proposed, _options.Minimum, _options.Maximum);
        if (limit == _limit)
        {
            return null;
        }

        var previous = _limit;
        _limit = limit;
        _gate.SetCapacity(limit);
        return new LimitChange(_time.GetUtcNow(), previous, limit, reason, retryAfter);
    }

    private void Publish(LimitChange? change)
    {
        if (change is not null)
        {
            Changed?.Invoke(change);
        }
    }
}
