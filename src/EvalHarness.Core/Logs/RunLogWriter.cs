using System.Buffers;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using EvalHarness.Infrastructure;

namespace EvalHarness.Logs;

/// <summary>
/// Appends records to <c>log.jsonl</c>, one line each, handed to the operating system within <see cref="Linger"/>
/// of being written (at once when a batch reaches <see cref="BatchBytes"/>, and whatever is left on
/// <see cref="Dispose"/>), so that a killed process leaves complete lines, at most one torn last line, and loses
/// at most the answers of its last few milliseconds, which a resumed run asks for again. Safe to call from many
/// threads.
/// </summary>
/// <remarks>
/// Records are serialized on the calling thread and copied into a shared batch under a short lock; one thread at
/// a time writes the batch while the others return at once (group commit). A batch waits up to
/// <see cref="Linger"/> for others to join it, a full one excepted: at hundreds of samples in flight the answers
/// rarely arrived during a write, and one write(2) per record was 6 % of the run's CPU. A write that fails
/// is thrown to the thread that made it, to every later caller and, when no caller saw it, from
/// <see cref="Dispose"/>, which stops the run; records of that batch are not in the log, so a resumed run does
/// them again.
/// </remarks>
public sealed class RunLogWriter : IDisposable
{
    /// <summary>How long a record may wait for others to share its write.</summary>
    public static readonly TimeSpan Linger = TimeSpan.FromMilliseconds(5);

    /// <summary>A batch this large is written without waiting out <see cref="Linger"/>.</summary>
    public const int BatchBytes = 64 * 1024;

    // A batch buffer that grew past this during a burst is not kept for the next one.
    private const int KeptBatchBytes = 1 << 20;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_json;

    private readonly FileStream _stream;
    private readonly Lock _gate = new();
    private readonly ITimer _timer;
    private ArrayBufferWriter<byte> _pending = new(BatchBytes);
    private ArrayBufferWriter<byte>? _spare = new(BatchBytes);
    private bool _writing;
    private bool _scheduled;
    private bool _closing;
    private ExceptionDispatchInfo? _failure;
    private bool _failureSeen;
    private long _position;

    private RunLogWriter(FileStream stream)
    {
        _stream = stream;
        _position = stream.Position;
        // The wall clock, not a run's injected one: a test clock that never advances would hold the log back.
        _timer = TimeProvider.System.CreateTimer(static state => ((RunLogWriter)state!).Flush(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public string Path => _stream.Name;

    /// <summary>Starts a new log; fails if the file exists, so a run never overwrites another.</summary>
    public static RunLogWriter Create(string path) =>
        new(new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 1, FileOptions.None));

    /// <summary>Continues a log after its last complete line, dropping a torn tail left by a crash.</summary>
    public static RunLogWriter Continue(string path, long validLength)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.Read, 1, FileOptions.None);
        stream.SetLength(validLength);
        stream.Seek(validLength, SeekOrigin.Begin);
        return new RunLogWriter(stream);
    }

    /// <summary>Writes one record and says where its line is, so a run's results can read it back without scanning the log.</summary>
    public LogLine Write(LogRecord record)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        var json = t_json ??= new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = EvalJson.Compact.Encoder, SkipValidation = true });
        buffer.ResetWrittenCount();
        json.Reset(buffer);
        if (record is SampleRecord sample)
        {
            SampleRecordJson.Write(json, sample);
        }
        else
        {
            JsonSerializer.Serialize(json, record, EvalJson.Compact.GetTypeInfo(typeof(LogRecord)));
        }

        json.Flush();
        buffer.Write("\n"u8);

        LogLine line;
        bool writeBatch;
        var schedule = false;
        lock (_gate)
        {
            if (_failure is { } failure)
            {
                _failureSeen = true;
                failure.Throw();
            }

            ObjectDisposedException.ThrowIf(_closing, this);
            line = new LogLine(_position, buffer.WrittenCount);
            _position += buffer.WrittenCount;
            _pending.Write(buffer.WrittenSpan);
            writeBatch = !_writing && _pending.WrittenCount >= BatchBytes;
            _writing |= writeBatch;
            if (!_writing && !_scheduled)
            {
                _scheduled = schedule = true;
            }
        }

        // One huge record (a long conversation) must not pin its buffer to the thread for the rest of the run.
        if (buffer.Capacity > KeptBatchBytes)
        {
            t_buffer = null;
            t_json = null;
        }

        if (schedule)
        {
            Schedule();
        }

        if (writeBatch)
        {
            WriteBatches(callerSees: true);
        }

        return line;
    }

    /// <summary>Writes what is pending and closes the file; throws a write failure that no caller of <see cref="Write"/> has seen.</summary>
    public void Dispose()
    {
        _timer.Dispose();

        // A sample abandoned at the end of the grace period, or the timer, may still be writing a batch: let it finish.
        var spin = default(SpinWait);
        bool writeRest;
        while (true)
        {
            lock (_gate)
            {
                _closing = true;
                if (!_writing)
                {
                    writeRest = _failure is null;
                    _writing = writeRest;
                    break;
                }
            }

            spin.SpinOnce();
        }

        try
        {
            if (writeRest)
            {
                WriteBatches(callerSees: true);
            }
        }
        finally
        {
            _stream.Dispose();
        }

        lock (_gate)
        {
            if (_failure is { } failure && !_failureSeen)
            {
                _failureSeen = true;
                failure.Throw();
            }
        }
    }

    private void Flush()
    {
        lock (_gate)
        {
            _scheduled = false;
            if (_writing || _closing || _failure is not null)
            {
                return;
            }

            _writing = true;
        }

        try
        {
            WriteBatches(callerSees: false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Kept in _failure: the next Write, or Dispose, throws it where the run can stop.
        }
    }

    private void WriteBatches(bool callerSees)
    {
        for (var first = true; TakeBatch(first) is { } batch; first = false)
        {
            try
            {
                _stream.Write(batch.WrittenSpan);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                lock (_gate)
                {
                    _failure ??= ExceptionDispatchInfo.Capture(ex);
                    _failureSeen |= callerSees;
                    _writing = false;
                }

                throw;
            }

            batch.ResetWrittenCount();
            lock (_gate)
            {
                _spare = batch.Capacity > KeptBatchBytes ? null : batch;
            }
        }
    }

    /// <summary>The next batch to write, or null when this writer is done and <c>_writing</c> is released.</summary>
    private ArrayBufferWriter<byte>? TakeBatch(bool first)
    {
        var schedule = false;
        lock (_gate)
        {
            // After the batch a call came for, only a full one goes at once; the rest waits out the linger.
            var rest = _pending.WrittenCount;
            if (rest > 0 && (first || _closing || rest >= BatchBytes))
            {
                var batch = _pending;
                _pending = _spare ?? new ArrayBufferWriter<byte>(BatchBytes);
                _spare = null;
                return batch;
            }

            _writing = false;
            schedule = rest > 0 && !_scheduled;
            _scheduled |= schedule;
        }

        if (schedule)
        {
            Schedule();
        }

        return null;
    }

    private void Schedule()
    {
        try
        {
            _timer.Change(Linger, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // Disposing: Dispose writes what is pending itself.
        }
    }
}
