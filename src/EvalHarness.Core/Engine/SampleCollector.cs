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
        bool outgrown;
        lock (_gate)
        {
            _lines.Add(line);
            _bytes += line.Length;
            outgrown = _bytes > budget && _records is not null;
            if (_bytes > budget)
            {
                _records = null;
            }

            _records?.Add(record);
        }

        // Once: the records held so far are garbage now, most of them old enough that only a full collection frees them.
        if (outgrown)
        {
            LargeRunMemory.Collect();
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
