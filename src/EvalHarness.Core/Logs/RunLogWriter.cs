using System.Buffers;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using EvalHarness.Infrastructure;

namespace EvalHarness.Logs;

/// <summary>
/// Appends records to <c>log.jsonl</c>, one line each, handed to the operating system as soon as the write
/// before them returns, so that a killed process leaves complete lines and at most one torn last line. Safe
/// to call from many threads.
/// </summary>
/// <remarks>
/// Records are serialized on the calling thread and copied into a shared batch under a short lock; the
/// thread that finds no write in progress writes the batch, and keeps writing what arrived meanwhile, while
/// the others return at once instead of waiting for the lock (group commit): answers arrive in bursts at
/// hundreds of samples in flight, and threads queued for a lock held across write(2) were preempted and
/// woken again for every record. A write that fails is thrown to the thread that made it and to every later
/// caller, which stops the run; records of that batch are not in the log, so a resumed run does them again.
/// </remarks>
public sealed class RunLogWriter : IDisposable
{
    // A batch buffer that grew past this during a burst is not kept for the next one.
    private const int KeptBatchBytes = 1 << 20;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_json;

    private readonly FileStream _stream;
    private readonly Lock _gate = new();
    private ArrayBufferWriter<byte> _pending = new(64 * 1024);
    private ArrayBufferWriter<byte>? _spare = new(64 * 1024);
    private bool _writing;
    private ExceptionDispatchInfo? _failure;
    private long _position;

    private RunLogWriter(FileStream stream)
    {
        _stream = stream;
        _position = stream.Position;
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
        JsonSerializer.Serialize(json, record, EvalJson.Compact.GetTypeInfo(typeof(LogRecord)));
        json.Flush();
        buffer.Write("\n"u8);

        LogLine line;
        bool writeBatch;
        lock (_gate)
        {
            _failure?.Throw();
            line = new LogLine(_position, buffer.WrittenCount);
            _position += buffer.WrittenCount;
            _pending.Write(buffer.WrittenSpan);
            writeBatch = !_writing;
            _writing = true;
        }

        // One huge record (a long conversation) must not pin its buffer to the thread for the rest of the run.
        if (buffer.Capacity > KeptBatchBytes)
        {
            t_buffer = null;
            t_json = null;
        }

        if (writeBatch)
        {
            WriteBatches();
        }

        return line;
    }

    public void Dispose()
    {
        // A sample abandoned at the end of the grace period may still be writing a batch: let it finish.
        var spin = default(SpinWait);
        while (true)
        {
            lock (_gate)
            {
                if (!_writing)
                {
                    _stream.Dispose();
                    return;
                }
            }

            spin.SpinOnce();
        }
    }

    private void WriteBatches()
    {
        while (true)
        {
            ArrayBufferWriter<byte> batch;
            lock (_gate)
            {
                if (_pending.WrittenCount == 0)
                {
                    _writing = false;
                    return;
                }

                batch = _pending;
                _pending = _spare ?? new ArrayBufferWriter<byte>(64 * 1024);
                _spare = null;
            }

            try
            {
                _stream.Write(batch.WrittenSpan);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                lock (_gate)
                {
                    _failure ??= ExceptionDispatchInfo.Capture(ex);
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
}
