using System.Text.Json;
using EvalHarness.Infrastructure;
using EvalHarness.Validation;

namespace EvalHarness.Logs;

/// <summary>
/// Reads <c>log.jsonl</c> as a stream of lines. A damaged last line (a crash mid-write) is tolerated and
/// reported through <see cref="RunLog.TornTail"/>; damage anywhere else is an error naming the line.
/// </summary>
public static class RunLogReader
{
    /// <summary>
    /// Reads a log. A log larger than <see cref="Defaults.LogBytesInMemory"/> keeps its sample records on disk
    /// (<see cref="RunLog.Samples"/> reads them as it is enumerated); their lines are checked to be JSON now.
    /// </summary>
    public static RunLog Read(string path) => Read(path, null);

    /// <param name="inMemory">True to hold every record in memory whatever the size, false to leave them on disk; null to decide by size.</param>
    public static RunLog Read(string path, bool? inMemory)
    {
        var display = DisplayPaths.For(path);
        if (!File.Exists(path))
        {
            throw new InvalidInputException(display, "run log not found");
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
        var onDisk = !(inMemory ?? stream.Length <= Defaults.LogBytesInMemory);
        var lines = new List<(long End, LogRecord? Record, string? Problem)>();
        var sampleLines = new List<LogLine>();
        var buffer = new byte[1 << 16];
        var filled = 0;
        long consumed = 0;
        while (true)
        {
            if (filled == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            var read = stream.Read(buffer, filled, buffer.Length - filled);
            var start = 0;
            filled += read;
            for (var i = Array.IndexOf(buffer, (byte)'\n', 0, filled); i >= 0; i = Array.IndexOf(buffer, (byte)'\n', start, filled - start))
            {
                consumed += i - start + 1;
                var line = buffer.AsSpan(start, i - start);
                if (onDisk && lines.Count > 0 && line.StartsWith(SampleLinePrefix))
                {
                    // Checked now so that damage is reported with its line number, before any report is begun.
                    lines.Add((consumed, null, JsonProblem(line) is { } problem ? problem : SampleOnDisk));
                    sampleLines.Add(new LogLine(consumed - line.Length - 1, line.Length + 1));
                }
                else
                {
                    lines.Add(lines.Count == 0 ? LogSchemaV1.ParseHeader(line, consumed) : Parse(line, consumed));
                }

                start = i + 1;
            }

            Array.Copy(buffer, start, buffer, 0, filled - start);
            filled -= start;
            if (read == 0)
            {
                break;
            }
        }

        // Bytes after the last newline are a line the writer never finished.
        var torn = filled > 0;
        return Assemble(display, path, lines, onDisk ? sampleLines : null, torn, consumed);
    }

    // What the writer puts first on every sample line; a line that merely contains it elsewhere is parsed in full.
    private static ReadOnlySpan<byte> SampleLinePrefix => "{\"type\":\"sample\","u8;

    private const string SampleOnDisk = "\0on disk";

    private static string? JsonProblem(ReadOnlySpan<byte> line)
    {
        try
        {
            var reader = new Utf8JsonReader(line);
            while (reader.Read())
            {
            }

            return null;
        }
        catch (JsonException ex)
        {
            return JsonErrorText.Of(ex);
        }
    }

    internal static (long, LogRecord?, string?) Parse(ReadOnlySpan<byte> line, long end)
    {
        try
        {
            var record = JsonSerializer.Deserialize(line, EvalJson.Compact.GetTypeInfo(typeof(LogRecord))) as LogRecord;
            return (end, record, record is null ? "empty record" : null);
        }
        catch (JsonException ex)
        {
            return (end, null, JsonErrorText.Of(ex));
        }
        catch (NotSupportedException ex)
        {
            return (end, null, ex.Message);
        }
    }

    private static RunLog Assemble(string display, string path, List<(long End, LogRecord? Record, string? Problem)> lines, List<LogLine>? sampleLines, bool torn, long validLength)
    {
        // A last complete line that does not parse is also treated as torn: the newline may have landed before a crash.
        if (lines.Count > 0 && lines[^1].Record is null && lines[^1].Problem == SampleOnDisk && sampleLines is { Count: > 0 })
        {
            var last = sampleLines[^1];
            var bytes = new byte[last.Length - 1];
            using (var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
            {
                RandomAccess.Read(handle, bytes, last.Offset);
            }

            if (Parse(bytes, lines[^1].End) is (_, null, var problem))
            {
                lines[^1] = (lines[^1].End, null, problem);
                sampleLines.RemoveAt(sampleLines.Count - 1);
            }
        }

        if (lines.Count > 0 && lines[^1].Record is null && lines[^1].Problem != SampleOnDisk)
        {
            if (sampleLines is { Count: > 0 } && sampleLines[^1].Offset + sampleLines[^1].Length == lines[^1].End)
            {
                sampleLines.RemoveAt(sampleLines.Count - 1);
            }

            validLength = lines.Count > 1 ? lines[^2].End : 0;
            lines.RemoveAt(lines.Count - 1);
            torn = true;
        }

        if (lines.Count == 0 || lines[0].Record is not LogHeader header)
        {
            throw new InvalidInputException(new Diagnostic(display, 1, 0, null, "is not an EvalHarness run log (the first line must be the header record)"));
        }

        if (header.Schema != LogHeader.CurrentSchema)
        {
            throw new InvalidInputException(new Diagnostic(display, 1, 0, "schema", $"log schema '{header.Schema}' is not supported by this version (expected '{LogHeader.CurrentSchema}')"));
        }

        var samples = new List<SampleRecord>(sampleLines is null ? lines.Count : 0);
        var limits = new List<LimitRecord>();
        var resumes = new List<ResumeRecord>();
        LogFooter? footer = null;
        for (var i = 1; i < lines.Count; i++)
        {
            switch (lines[i].Record)
            {
                case SampleRecord sample:
                    samples.Add(sample);
                    break;
                case LogFooter f:
                    footer = f;
                    break;
                case LimitRecord limit:
                    limits.Add(limit);
                    break;
                case ResumeRecord resume:
                    // A footer before a resume belongs to the interrupted session, not to the run.
                    resumes.Add(resume);
                    footer = null;
                    break;
                case null when lines[i].Problem == SampleOnDisk:
                    break;
                case null:
                    throw new InvalidInputException(new Diagnostic(display, i + 1, 0, null, "damaged record: " + lines[i].Problem));
                default:
                    throw new InvalidInputException(new Diagnostic(display, i + 1, 0, "type", "unexpected record type"));
            }
        }

        return new RunLog { Header = header, Samples = sampleLines is null ? samples : new LoggedSamples(path, sampleLines), Footer = footer, Limits = limits, Resumes = resumes, ValidLength = validLength, TornTail = torn };
    }
}
