namespace EvalHarness.Logs;

/// <summary>A run log read back: the header, every complete sample record, and the footer if the run finished.</summary>
public sealed class RunLog
{
    public required LogHeader Header { get; init; }

    public required IReadOnlyList<SampleRecord> Samples { get; init; }

    public LogFooter? Footer { get; init; }

    /// <summary>How the concurrency limit moved during the run.</summary>
    public IReadOnlyList<LimitRecord> Limits { get; init; } = [];

    /// <summary>Each time the run was resumed.</summary>
    public IReadOnlyList<ResumeRecord> Resumes { get; init; } = [];

    /// <summary>Bytes up to and including the last complete line; a resumed run appends from here.</summary>
    public long ValidLength { get; init; }

    /// <summary>True when the file ended in a partial line (the process was killed while writing).</summary>
    public bool TornTail { get; init; }

    /// <summary>True when the records are read back from log.jsonl each time they are enumerated (a large run), not held in memory.</summary>
    public bool SamplesOnDisk => Samples is LoggedSamples;

    /// <summary>
    /// For records held in memory by the run that wrote them: the log file and where each record's line lies in it,
    /// by the same index as <see cref="Samples"/>. A report that writes records as the log does may copy the line.
    /// </summary>
    internal (string Path, IReadOnlyList<LogLine> Lines)? Written { get; init; }
}
