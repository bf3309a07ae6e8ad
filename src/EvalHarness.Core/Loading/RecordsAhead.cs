using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace EvalHarness.Loading;

/// <summary>
/// Reads a large dataset's records on a thread of their own, a few batches ahead of the caller, who turns them into
/// samples meanwhile. Loading is most of what a run does before its first request, and it ran on one core while the
/// other waited: reading and parsing the lines, and building the samples, now take one each. The records arrive in
/// file order, the reading thread's problems go to its own bag as before, and an exception it meets is thrown to the
/// caller where the record it could not read would have come.
/// </summary>
internal static class RecordsAhead
{
    // Files smaller than this load in a few milliseconds; a thread would cost more than it saves.
    public const long MinimumBytes = 512 * 1024;

    private const int BatchSize = 256;

    // At most this many batches wait: a million-line file is never held as parsed records.
    private const int Depth = 8;

    public static IEnumerable<RawRecord> Read(IEnumerable<RawRecord> records)
    {
        using var batches = new BlockingCollection<RawRecord[]>(Depth);
        using var stop = new CancellationTokenSource();
        ExceptionDispatchInfo? failure = null;
        var reader = new Thread(() =>
        {
            var batch = new List<RawRecord>(BatchSize);
            try
            {
                foreach (var record in records)
                {
                    batch.Add(record);
                    if (batch.Count == BatchSize)
                    {
                        batches.Add([.. batch], stop.Token);
                        batch.Clear();
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The caller stopped reading.
            }
            catch (Exception ex)
            {
                failure = ExceptionDispatchInfo.Capture(ex);
            }

            try
            {
                // The records read before a failure still come first, as they did when read on the caller's thread.
                if (batch.Count > 0 && !stop.IsCancellationRequested)
                {
                    batches.Add([.. batch], stop.Token);
                }
            }
            catch (OperationCanceledException)
            {
                // The caller stopped reading.
            }
            finally
            {
                batches.CompleteAdding();
            }
        })
        {
            IsBackground = true,
            Name = "evalh dataset reader",
        };
        reader.Start();
        try
        {
            foreach (var batch in batches.GetConsumingEnumerable())
            {
                foreach (var record in batch)
                {
                    yield return record;
                }
            }

            // The batches are complete only once the thread is done with the records (and its problems).
            reader.Join();
            failure?.Throw();
        }
        finally
        {
            // Stopped early (or failed while building a sample): the reader stops at its next batch, and is waited for,
            // so the file it reads is not closed under it.
            stop.Cancel();
            reader.Join();
        }
    }
}
