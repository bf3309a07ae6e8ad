using EvalHarness.Logs;

namespace EvalHarness.Engine;

/// <summary>
/// What a session wrote, for the run's results: the records themselves while they fit in
/// <see cref="RunOptions.LogBytesInMemory"/>, and always where their lines are, so that a larger run reads them back
/// from the log instead of holding them all.
/// </summary>
internal sealed class SampleCollector(long budget)
{
    private readonly Lock _gate = new();
    private readonly List<LogLine> _lines = [];
    private List<SampleRecord>? _records = [];
    private long _bytes;

    public void Add(SampleRecord record, LogLine line)
    {
        lock (_gate)
        {
            _lines.Add(line);
            _bytes += line.Length;
            if (_bytes > budget)
            {
                _records = null;
            }

            _records?.Add(record);
        }
    }

    /// <summary>The records in completion order, or null when they outgrew memory and only their lines were kept.</summary>
    public IReadOnlyList<SampleRecord>? InMemory
    {
        get
        {
            lock (_gate)
            {
                return _records is null ? null : [.. _records];
            }
        }
    }

    public long Bytes
    {
        get
        {
            lock (_gate)
            {
                return _bytes;
            }
        }
    }

    public IReadOnlyList<LogLine> Lines
    {
        get
        {
            lock (_gate)
            {
                return [.. _lines];
            }
        }
    }
}
