using System.Globalization;
using EvalHarness.Engine.Concurrency;
using EvalHarness.Logs;

namespace EvalHarness.Engine;

/// <summary>
/// Executes work items: launches one per free concurrency slot, writes each record as it completes,
/// stops launching on the first stop signal, and abandons work in flight on abort (or when the grace
/// period after a stop runs out, or when the target turns out to be unusable).
/// </summary>
internal sealed class RunSession
{
    private readonly SampleExecutor _executor;
    private readonly IConcurrencyController _controller;
    private readonly RunLogWriter _log;
    private readonly IRunObserver _observer;
    private readonly RunOptions _options;
    private readonly FailureWatch _watch;
    private readonly TimeProvider _time;
    private readonly ProgressWatch _progress;
    private readonly SampleCollector _written;
    private int _completed;
    private int _errored;
    private string? _abortReason;

    public RunSession(SampleExecutor executor, IConcurrencyController controller, RunLogWriter log, IRunObserver observer, RunOptions options, int items, TimeProvider time, ProgressWatch progress)
    {
        _time = time;
        _progress = progress;
        _executor = executor;
        _controller = controller;
        _log = log;
        _observer = observer;
        _options = options;
        _written = new SampleCollector(options.LogBytesInMemory);
        _watch = new FailureWatch(Math.Min(options.AbortAfterIdenticalFailures, items));
    }

    public int Completed => Volatile.Read(ref _completed);

    public int Errored => Volatile.Read(ref _errored);

    /// <summary>The records written in this session (while they fit in memory) and where their lines are, so the run's results need not scan the log.</summary>
    public SampleCollector Written => _written;

    public async Task<(string Status, string? Reason)> ExecuteAsync(IReadOnlyList<WorkItem> items, RunSignals signals)
    {
        // The grace period runs on the injected clock, so a test can let it expire without waiting 30 s.
        using var graceOver = new CancellationTokenSource(Timeout.InfiniteTimeSpan, _time);
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(signals.Abort, graceOver.Token);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(signals.Stop, abort.Token);
        await using var grace = signals.Stop.Register(() => graceOver.CancelAfter(_options.StopGracePeriod)).ConfigureAwait(false);
        _progress.Start(reason =>
        {
            if (Interlocked.CompareExchange(ref _abortReason, reason, null) is null)
            {
                try
                {
                    abort.Cancel();
                }
                catch (ObjectDisposedException)
                {
                    // The run ended while the watch was deciding: nothing left to stop.
                }
            }
        });

        // One count for the launcher itself, so the run cannot look finished while it is still launching.
        var outstanding = 1;
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        foreach (var item in items)
        {
            IDisposable slot;
            try
            {
                slot = await _controller.AcquireAsync(stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            if (stop.IsCancellationRequested)
            {
                slot.Dispose();
                break;
            }

            Interlocked.Increment(ref outstanding);
            _ = RunOneAsync(item, slot, abort, () =>
            {
                if (Interlocked.Decrement(ref outstanding) == 0)
                {
                    finished.TrySetResult();
                }
            });
        }

        if (Interlocked.Decrement(ref outstanding) == 0)
        {
            finished.TrySetResult();
        }

        await finished.Task.ConfigureAwait(false);
        _progress.Dispose();

        if (Volatile.Read(ref _abortReason) is { } reason)
        {
            return (RunStatus.Aborted, reason);
        }

        if (signals.Abort.IsCancellationRequested)
        {
            return (RunStatus.Interrupted, "interrupted twice: samples in flight were abandoned");
        }

        if (graceOver.IsCancellationRequested)
        {
            return (RunStatus.Interrupted, string.Create(CultureInfo.InvariantCulture, $"interrupted: samples still in flight after {_options.StopGracePeriod.TotalSeconds:0.###} s were abandoned"));
        }

        return signals.Stop.IsCancellationRequested
            ? (RunStatus.Interrupted, "interrupted: no new samples were started")
            : (RunStatus.Completed, null);
    }

    private async Task RunOneAsync(WorkItem item, IDisposable slot, CancellationTokenSource abort, Action done)
    {
        _progress.SampleStarted();
        try
        {
            var record = await _executor.RunAsync(item, abort.Token, slot).ConfigureAwait(false);
            _written.Add(record, _log.Write(record));

            Interlocked.Increment(ref _completed);
            if (record.IsError)
            {
                Interlocked.Increment(ref _errored);
            }

            _observer.Completed(record);
            if (_watch.Observe(record) is { } reason && Interlocked.CompareExchange(ref _abortReason, reason, null) is null)
            {
                await abort.CancelAsync().ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            // Abandoned: the item stays missing from the log and a resumed run will do it.
        }
        catch (IOException ex)
        {
            // The log cannot be written (disk full, removed): nothing further can be kept, so stop.
            Interlocked.CompareExchange(ref _abortReason, "the run log could not be written: " + ex.Message, null);
            await abort.CancelAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A bug must not make a sample vanish silently: stop the run and say why.
            Interlocked.CompareExchange(ref _abortReason, $"internal error while running sample '{item.Sample.Id}': {ex.GetType().Name}: {ex.Message}", null);
            await abort.CancelAsync().ConfigureAwait(false);
        }
        finally
        {
            _progress.SampleEnded();
            slot.Dispose();
            done();
        }
    }
}
