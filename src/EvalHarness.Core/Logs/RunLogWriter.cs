using System.Buffers;
using System.Text.Json;
using EvalHarness.Infrastructure;

namespace EvalHarness.Logs;

/// <summary>
/// Appends records to <c>log.jsonl</c>, one line each, handed to the operating system per record so
/// that a killed process leaves at most one torn last line. Safe to call from many threads.
/// </summary>
/// <remarks>
/// Records are serialized on the calling thread and only the write itself is serialized: at hundreds of
/// samples in flight, serializing under the lock made threads spin for it (a profile at 256 connections
/// spent about a seventh of the harness's CPU there).
/// </remarks>
public sealed class RunLogWriter : IDisposable
{
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_json;

    private readonly FileStream _stream;
    private readonly Lock _gate = new();
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
        try
        {
            lock (_gate)
            {
                var offset = _position;
                _stream.Write(buffer.WrittenSpan);
                _position += buffer.WrittenCount;
                return new LogLine(offset, buffer.WrittenCount);
            }
        }
        finally
        {
            // One huge record (a long conversation) must not pin its buffer to the thread for the rest of the run.
            if (buffer.Capacity > 1 << 20)
            {
                t_buffer = null;
                t_json = null;
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _stream.Dispose();
        }
    }
}
