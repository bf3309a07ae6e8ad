namespace EvalHarness.Tests.Support;

/// <summary>
/// A clock whose timers fire only when the test says so, whatever their due time: it lets a test fire a
/// timer early or late, as real timers sometimes do, or fire one that was already replaced.
/// </summary>
internal sealed class CapturingTime : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<(TimerCallback Callback, object? State)> _timers = [];
    private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public int Created
    {
        get
        {
            lock (_lock)
            {
                return _timers.Count;
            }
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public void Advance(TimeSpan by)
    {
        lock (_lock)
        {
            _now += by;
        }
    }

    public void Fire(int index)
    {
        (TimerCallback Callback, object? State) timer;
        lock (_lock)
        {
            timer = _timers[index];
        }

        timer.Callback(timer.State);
    }

    public void FireAll()
    {
        for (var i = 0; i < Created; i++)
        {
            Fire(i);
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        lock (_lock)
        {
            _timers.Add((callback, state));
        }

        return new NoTimer();
    }

    private sealed class NoTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
