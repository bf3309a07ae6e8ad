using Microsoft.Win32.SafeHandles;

namespace EvalHarness.Logs;

/// <summary>
/// The log's own lines of a run's records, for a report that writes each record exactly as log.jsonl holds it
/// (report.json): copying the line costs a fraction of writing the record again. Only the run that wrote the log
/// knows where each record's line is; a log read back, a record changed for display (masked) or a line that is
/// not where it should be is written again instead. The file is read through a window that moves forward with
/// the records, which come in nearly the order of their lines, so it is read about once and never held whole.
/// </summary>
public sealed class RecordLines : IDisposable
{
    private const int WindowBytes = 1 << 20;

    private readonly RunLog _log;
    private readonly IReadOnlyList<LogLine> _lines;
    private readonly SafeFileHandle _file;
    private byte[] _window = new byte[WindowBytes];
    private long _windowStart;
    private int _windowLength;

    private RecordLines(RunLog log, IReadOnlyList<LogLine> lines, SafeFileHandle file)
    {
        _log = log;
        _lines = lines;
        _file = file;
    }

    /// <summary>The lines of <paramref name="log"/>'s records; null when they are not known or the file cannot be opened.</summary>
    public static RecordLines? Open(RunLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (log.Written is not { } written || log.SamplesOnDisk || written.Lines.Count != log.Samples.Count)
        {
            return null;
        }

        try
        {
            return new RecordLines(log, written.Lines, File.OpenHandle(written.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// The line (without its newline) of the log's record at <paramref name="index"/>, when <paramref name="shown"/> is
    /// that very record, unchanged, and the line is whole where the run noted it. The span is valid until the next call.
    /// </summary>
    public bool TryGet(int index, SampleRecord shown, out ReadOnlySpan<byte> line)
    {
        line = default;
        if ((uint)index >= (uint)_lines.Count || !ReferenceEquals(shown, _log.Samples[index]))
        {
            return false;
        }

        var (offset, length) = _lines[index];
        if (length < 3 || offset < 0 || !Load(offset, length))
        {
            return false;
        }

        var at = (int)(offset - _windowStart);
        var bytes = _window.AsSpan(at, length);
        if (bytes[0] != (byte)'{' || bytes[^1] != (byte)'\n')
        {
            return false;
        }

        line = bytes[..^1];
        return true;
    }

    public void Dispose() => _file.Dispose();

    /// <summary>Makes the window hold <paramref name="length"/> bytes from <paramref name="offset"/>; false when the file is shorter.</summary>
    private bool Load(long offset, int length)
    {
        if (offset >= _windowStart && offset + length <= _windowStart + _windowLength)
        {
            return true;
        }

        if (length > _window.Length)
        {
            _window = new byte[length];
        }

        try
        {
            _windowStart = offset;
            _windowLength = 0;
            while (_windowLength < _window.Length)
            {
                var read = RandomAccess.Read(_file, _window.AsSpan(_windowLength), offset + _windowLength);
                if (read == 0)
                {
                    break;
                }

                _windowLength += read;
            }
        }
        catch (IOException)
        {
            _windowLength = 0;
        }

        return _windowLength >= length;
    }
}
