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
    public static RunLog Read(string path)
    {
        var display = DisplayPaths.For(path);
        if (!File.Exists(path))
        {
            throw new InvalidInputException(display, "run log not found");
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
        var lines = new List<(long End, LogRecord? Record, string? Problem)>();
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
                lines.Add(lines.Count == 0 ? LogSchemaV1.ParseHeader(buffer.AsSpan(start, i - start), consumed) : Parse(buffer.AsSpan(start, i - start), consumed));
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
        return Assemble(display, lines, torn, consumed);
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

    private static RunLog Assemble(string display, List<(long End, LogRecord? Record, string? Problem)> lines, bool torn, long validLength)
    {
        // A last complete line that does not parse is also treated as torn: the newline may have landed before a crash.
        if (lines.Count > 0 && lines[^1].Record is null)
        {
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

        var samples = new List<SampleRecord>(lines.Count);
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
                case null:
                    throw new InvalidInputException(new Diagnostic(display, i + 1, 0, null, "damaged record: " + lines[i].Problem));
                default:
                    throw new InvalidInputException(new Diagnostic(display, i + 1, 0, "type", "unexpected record type"));
            }
        }

        return new RunLog { Header = header, Samples = samples, Footer = footer, Limits = limits, Resumes = resumes, ValidLength = validLength, TornTail = torn };
    }
}
