using System.Globalization;

namespace EvalHarness.Engine;

/// <summary>
/// The last line of defence against a run that waits forever. Every sign of life (a request to the
/// target starting or ending, a sample finishing) resets it; when none comes for longer than any
/// legitimate wait can last (an attempt's timeout plus the longest backoff or Retry-After, plus a
/// margin), it reports what is stuck so the run can stop with that reason instead of hanging.
/// </summary>
internal sealed class ProgressWatch : IDisposable
{
    private readonly TimeSpan _limit;
    private readonly TimeSpan _attemptTimeout;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private ITimer? _timer;
    private Action<string>? _onStall;
    private long _lastActivity;
    private int _attemptsInFlight;
    private int _samplesInFlight;
    private bool _fired;

    public ProgressWatch(TimeSpan limit, TimeSpan attemptTimeout, TimeProvider time)
    {
        _limit = limit;
        _attemptTimeout = attemptTimeout;
        _time = time;
        _lastActivity = time.GetTimestamp();
    }

    /// <summary>How long without any sign of life counts as stalled, for run options that do not say.</summary>
    public static TimeSpan DefaultLimit(Resilience.ResilienceOptions resilience) =>
        resilience.AttemptTimeout + (resilience.MaxDelay > resilience.MaxRetryAfter ? resilience.MaxDelay : resilience.MaxRetryAfter) + TimeSpan.FromSeconds(60);

    /// <summary>Starts watching; <paramref name="onStall"/> is called at most once, from a timer thread.</summary>
    public void Start(Action<string> onStall)
    {
        lock (_lock)
        {
            _onStall = onStall;
            Volatile.Write(ref _lastActivity, _time.GetTimestamp());
            _timer = _time.CreateTimer(_ => Check(), null, _limit, Timeout.InfiniteTimeSpan);
        }
    }

    // Signs of life come from every request in flight: counters and the timestamp are updated without the lock,
    // which at hundreds of requests in flight threads would otherwise queue (and spin) for.
    public void AttemptStarted()
    {
        Interlocked.Increment(ref _attemptsInFlight);
        Volatile.Write(ref _lastActivity, _time.GetTimestamp());
    }

    public void AttemptEnded()
    {
        Interlocked.Decrement(ref _attemptsInFlight);
        Volatile.Write(ref _lastActivity, _time.GetTimestamp());
    }

    public void SampleStarted() => Interlocked.Increment(ref _samplesInFlight);

    public void SampleEnded()
    {
        Interlocked.Decrement(ref _samplesInFlight);
        Volatile.Write(ref _lastActivity, _time.GetTimestamp());
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _fired = true;
            _timer?.Dispose();
            _timer = null;
        }
    }

    private void Check()
    {
        Action<string>? report = null;
        string? reason = null;
        lock (_lock)
        {
            if (_fired || _timer is null)
            {
                return;
            }

            var quiet = _time.GetElapsedTime(Volatile.Read(ref _lastActivity));
            if (quiet < _limit)
            {
                // Not stalled: look again when the quiet period would reach the limit.
                _timer.Change(_limit - quiet, Timeout.InfiniteTimeSpan);
                return;
            }

            _fired = true;
            report = _onStall;
            reason = Describe(quiet);
        }

        report?.Invoke(reason);
    }

    private string Describe(TimeSpan quiet)
    {
        var seconds = quiet.TotalSeconds.ToString("0", CultureInfo.InvariantCulture);
        var attempts = Volatile.Read(ref _attemptsInFlight);
        var samples = Volatile.Read(ref _samplesInFlight);
        var what = attempts > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{attempts} request(s) to the model never returned, although each attempt may take only {_attemptTimeout.TotalSeconds:0.###} s (--timeout)")
            : samples > 0
                ? $"{samples} sample(s) in flight made no request and did not finish (a solver or scorer is not returning)"
                : "no sample could start (new requests stayed paused)";
        return $"stalled: no progress for {seconds} s: {what}; the run stopped instead of waiting forever (evalh run --resume runs what is missing)";
    }
}
