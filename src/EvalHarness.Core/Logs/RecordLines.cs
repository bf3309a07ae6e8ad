namespace EvalHarness.Logs;

/// <summary>
/// The log's own lines of a run's records, for a report that writes each record exactly as log.jsonl holds it
/// (report.json): copying the line costs a fraction of writing the record again. Only the run that wrote the log
/// knows where each record's line is; a log read back, a record changed for display (masked) or a line that is
/// not where it should be is written again instead.
/// </summary>
public sealed class RecordLines
{
    private readonly RunLog _log;
    private readonly IReadOnlyList<LogLine> _lines;
    private readonly byte[] _file;

    private RecordLines(RunLog log, IReadOnlyList<LogLine> lines, byte[] file)
    {
        _log = log;
        _lines = lines;
        _file = file;
    }

    /// <summary>The lines of <paramref name="log"/>'s records; null when they are not known or the file cannot be read.</summary>
    public static RecordLines? Read(RunLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (log.Written is not { } written || log.SamplesOnDisk || written.Lines.Count != log.Samples.Count)
        {
            return null;
        }

        try
        {
            // A log held in memory is at most RunOptions.LogBytesInMemory: read whole, once.
            return new RecordLines(log, written.Lines, File.ReadAllBytes(written.Path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// The line (without its newline) of the log's record at <paramref name="index"/>, when <paramref name="shown"/> is
    /// that very record, unchanged, and the line is whole where the run noted it.
    /// </summary>
    public bool TryGet(int index, SampleRecord shown, out ReadOnlySpan<byte> line)
    {
        line = default;
        if ((uint)index >= (uint)_lines.Count || !ReferenceEquals(shown, _log.Samples[index]))
        {
            return false;
        }

        var (offset, length) = _lines[index];
        if (length < 3 || offset < 0 || offset + length > _file.Length || _file[offset] != (byte)'{' || _file[offset + length - 1] != (byte)'\n')
        {
            return false;
        }

        line = _file.AsSpan((int)offset, length - 1);
        return true;
    }
}
