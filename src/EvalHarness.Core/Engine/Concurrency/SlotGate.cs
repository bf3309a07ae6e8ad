namespace EvalHarness.Engine.Concurrency;

/// <summary>
/// A counting gate whose capacity can change while waiters queue, with an optional pause before
/// anyone may enter. Waiters are served in arrival order.
/// </summary>
/// <remarks>
/// A pause ends when its timer fires, not when the clock says the deadline has passed: a timer may
/// fire a fraction of a millisecond before its deadline by the wall clock, and a gate that then found
/// itself "still paused" would wait for a release that never comes when nothing is in flight.
/// </remarks>
internal sealed class SlotGate
{
    private readonly Lock _gate = new();
    private readonly LinkedList<TaskCompletionSource<IDisposable>> _waiters = new();
    private readonly TimeProvider _time;
    private ITimer? _pauseTimer;
    private object? _currentPause;
    private int _inFlight;
    private int _capacity;
    private DateTimeOffset _pausedUntil;

    public SlotGate(int capacity, TimeProvider time)
    {
        _capacity = capacity;
        _time = time;
    }

    public int InFlight
    {
        get
        {
            lock (_gate)
            {
                return _inFlight;
            }
        }
    }

    public ValueTask<IDisposable> AcquireAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource<IDisposable> waiter;
        LinkedListNode<TaskCompletionSource<IDisposable>> node;
        lock (_gate)
        {
            if (_waiters.Count == 0 && CanEnter())
            {
                _inFlight++;
                return ValueTask.FromResult<IDisposable>(new Slot(this));
            }

            waiter = new TaskCompletionSource<IDisposable>(TaskCreationOptions.RunContinuationsAsynchronously);
            node = _waiters.AddLast(waiter);
        }

        if (cancellationToken.CanBeCanceled)
        {
            var registration = cancellationToken.Register(() =>
            {
                lock (_gate)
                {
                    if (node.List is not null)
                    {
                        _waiters.Remove(node);
                    }
                }

                waiter.TrySetCanceled(cancellationToken);
            });
            _ = waiter.Task.ContinueWith(_ => registration.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        return new ValueTask<IDisposable>(waiter.Task);
    }

    public void SetCapacity(int capacity)
    {
        lock (_gate)
        {
            _capacity = capacity;
            WakeLocked();
        }
    }

    public void PauseUntil(DateTimeOffset until)
    {
        lock (_gate)
        {
            var wait = until - _time.GetUtcNow();
            if (wait <= TimeSpan.Zero || (_currentPause is not null && until <= _pausedUntil))
            {
                return;
            }

            _pausedUntil = until;

            // A fresh identity per pause: a replaced timer that fires anyway (dispose races with firing)
            // must not end the longer pause that replaced it.
            var pause = new object();
            _currentPause = pause;
            _pauseTimer?.Dispose();
            _pauseTimer = _time.CreateTimer(EndPause, pause, wait, Timeout.InfiniteTimeSpan);
        }
    }

    private void EndPause(object? pause)
    {
        lock (_gate)
        {
            if (!ReferenceEquals(pause, _currentPause))
            {
                return;
            }

            _currentPause = null;
            _pauseTimer?.Dispose();
            _pauseTimer = null;
            WakeLocked();
        }
    }

    private void Release()
    {
        lock (_gate)
        {
            _inFlight--;
            WakeLocked();
        }
    }

    private bool CanEnter() => _inFlight < _capacity && _currentPause is null;

    private void WakeLocked()
    {
        while (_waiters.First is { } first && CanEnter())
        {
            _waiters.RemoveFirst();
            if (first.Value.TrySetResult(new Slot(this)))
            {
                _inFlight++;
            }
        }
    }

    private sealed class Slot(SlotGate owner) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                owner.Release();
            }
        }
    }
}
