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
            _lastActivity = _time.GetTimestamp();
            _timer = _time.CreateTimer(_ => Check(), null, _limit, Timeout.InfiniteTimeSpan);
        }
    }

    public void AttemptStarted()
    {
        lock (_lock)
        {
            _attemptsInFlight++;
            _lastActivity = _time.GetTimestamp();
        }
    }

    public void AttemptEnded()
    {
        lock (_lock)
        {
            _attemptsInFlight--;
            _lastActivity = _time.GetTimestamp();
        }
    }

    public void SampleStarted()
    {
        lock (_lock)
        {
            _samplesInFlight++;
        }
    }

    public void SampleEnded()
    {
        lock (_lock)
        {
            _samplesInFlight--;
            _lastActivity = _time.GetTimestamp();
        }
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

            var quiet = _time.GetElapsedTime(_lastActivity);
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
        var what = _attemptsInFlight > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{_attemptsInFlight} request(s) to the model never returned, although each attempt may take only {_attemptTimeout.TotalSeconds:0.###} s (--timeout)")
            : _samplesInFlight > 0
                ? $"{_samplesInFlight} sample(s) in flight made no request and did not finish (a solver or scorer is not returning)"
                : "no sample could start (new requests stayed paused)";
        return $"stalled: no progress for {seconds} s: {what}; the run stopped instead of waiting forever (evalh run --resume runs what is missing)";
    }
}
