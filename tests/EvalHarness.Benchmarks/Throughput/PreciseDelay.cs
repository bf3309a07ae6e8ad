using System.Diagnostics;

namespace EvalHarness.Benchmarks.Throughput;

/// <summary>
/// Delays that end on time. Task.Delay rides the runtime's timer queue and overshoots by a few
/// milliseconds under load, which would make the loopback server slower than the latency it claims
/// and understate the harness's throughput. One thread sleeps with clock_nanosleep until the earliest
/// due time (on CLOCK_MONOTONIC, the clock of <see cref="Stopwatch.GetTimestamp"/>), which Linux keeps
/// to tens of microseconds without spinning: on a small machine a spinning server would take processor
/// time from the harness it is measuring.
/// </summary>
internal sealed class PreciseDelay : IDisposable
{
    /// <summary>The longest sleep, so a waiter due sooner than the current earliest is late by at most this.</summary>
    private static readonly long MaxSleep = Stopwatch.Frequency / 1000;

    private readonly PriorityQueue<TaskCompletionSource, long> _due = new();
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _wake = new(0);
    private bool _idle;
    private volatile bool _stopped;

    public PreciseDelay()
    {
        new Thread(Loop) { IsBackground = true, Name = "precise-delay" }.Start();
    }

    public Task Wait(TimeSpan delay)
    {
        var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bool wake;
        lock (_lock)
        {
            _due.Enqueue(waiter, Stopwatch.GetTimestamp() + (long)(delay.TotalSeconds * Stopwatch.Frequency));
            wake = _idle;
            _idle = false;
        }

        // Only an idle loop waits on the semaphore, so it is released once per idle period, not per request.
        if (wake)
        {
            _wake.Release();
        }

        return waiter.Task;
    }

    public void Dispose()
    {
        _stopped = true;
        _wake.Release();
    }

    private void Loop()
    {
        while (!_stopped)
        {
            long sleepUntil;
            lock (_lock)
            {
                var now = Stopwatch.GetTimestamp();
                while (_due.TryPeek(out var waiter, out var due) && due <= now)
                {
                    _due.Dequeue();
                    waiter.TrySetResult();
                }

                _idle = !_due.TryPeek(out _, out var first);
                sleepUntil = _idle ? 0 : Math.Min(first, now + MaxSleep);
            }

            if (sleepUntil == 0)
            {
                _wake.Wait();
            }
            else
            {
                SleepUntil(sleepUntil);
            }
        }
    }

    private static void SleepUntil(long timestamp)
    {
        var nanoseconds = Stopwatch.Frequency == 1_000_000_000 ? timestamp : (long)(timestamp * (1e9 / Stopwatch.Frequency));
        var request = new Timespec { Seconds = nanoseconds / 1_000_000_000, Nanoseconds = nanoseconds % 1_000_000_000 };
        // EINTR only cuts the sleep short; the loop looks at the queue again either way.
        _ = Libc.ClockNanosleep(Libc.ClockMonotonic, Libc.TimerAbstime, ref request, IntPtr.Zero);
    }
}
