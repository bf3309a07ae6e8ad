using System.Collections;
using System.Text.Json;
using EvalHarness.Infrastructure;
using EvalHarness.Validation;

namespace EvalHarness.Logs;

/// <summary>
/// A run's sample records left in <c>log.jsonl</c> and read back when they are enumerated, so that results and
/// reports of a run of any size hold only the records they are working on. The lines are known by offset, so
/// nothing is scanned twice; enumeration reads the file front to back in large blocks and parses blocks of
/// lines on every core.
/// </summary>
/// <remarks>
/// Enumerate rather than index: the indexer reads one line from disk per call, which is fine for the odd record
/// (a failed sample a gate quotes) but not for a loop.
/// </remarks>
internal sealed class LoggedSamples : IReadOnlyList<SampleRecord>
{
    private const int BlockBytes = 1 << 20;
    private const int LinesPerBatch = 256;

    private readonly string _path;
    private readonly LogLine[] _lines;

    /// <param name="lines">The sample lines, in any order: they are read in file order.</param>
    public LoggedSamples(string path, IEnumerable<LogLine> lines)
    {
        _path = path;
        _lines = [.. lines];
        Array.Sort(_lines, static (a, b) => a.Offset.CompareTo(b.Offset));
    }

    public int Count => _lines.Length;

    public string Path => _path;

    public SampleRecord this[int index]
    {
        get
        {
            var line = _lines[index];
            var bytes = new byte[line.Length];
            using var handle = File.OpenHandle(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            Fill(handle, bytes, line.Offset);
            return Parse(bytes, line);
        }
    }

    public IEnumerator<SampleRecord> GetEnumerator()
    {
        using var handle = File.OpenHandle(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var block = new byte[BlockBytes];
        long blockStart = 0;
        var blockLength = 0;
        var batch = new SampleRecord[LinesPerBatch];
        for (var first = 0; first < _lines.Length; first += LinesPerBatch)
        {
            var count = Math.Min(LinesPerBatch, _lines.Length - first);
            var end = _lines[first + count - 1].Offset + _lines[first + count - 1].Length;

            // A batch is parsed from one buffer: from the block when it fits, else from a buffer of its own.
            byte[] source;
            long sourceStart;
            if (_lines[first].Offset >= blockStart && end <= blockStart + blockLength)
            {
                source = block;
                sourceStart = blockStart;
            }
            else if (end - _lines[first].Offset <= BlockBytes)
            {
                blockStart = _lines[first].Offset;
                blockLength = (int)Math.Min(BlockBytes, RandomAccess.GetLength(handle) - blockStart);
                Fill(handle, block.AsSpan(0, blockLength), blockStart);
                if (end > blockStart + blockLength)
                {
                    throw Truncated(_lines[first + count - 1]);
                }

                source = block;
                sourceStart = blockStart;
            }
            else
            {
                source = new byte[end - _lines[first].Offset];
                sourceStart = _lines[first].Offset;
                Fill(handle, source, sourceStart);
            }

            ParseBatch(source, sourceStart, first, count, batch);
            for (var i = 0; i < count; i++)
            {
                yield return batch[i];
                batch[i] = null!;
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>
    /// The records in the order of <paramref name="indices"/> (positions in file order), read line by line: for a
    /// sorted view, whose order the log's completion order roughly follows, so the reads stay mostly sequential.
    /// </summary>
    public IEnumerable<SampleRecord> ReadAt(IReadOnlyList<int> indices)
    {
        using var handle = File.OpenHandle(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var batch = new SampleRecord[LinesPerBatch];
        var buffers = new byte[LinesPerBatch][];
        for (var first = 0; first < indices.Count; first += LinesPerBatch)
        {
            var count = Math.Min(LinesPerBatch, indices.Count - first);
            for (var i = 0; i < count; i++)
            {
                var line = _lines[indices[first + i]];
                var bytes = buffers[i] is { } reused && reused.Length >= line.Length ? reused : buffers[i] = new byte[Math.Max(line.Length, 1024)];
                Fill(handle, bytes.AsSpan(0, line.Length), line.Offset);
            }

            Parallel.For(0, count, i => batch[i] = Parse(buffers[i].AsSpan(0, _lines[indices[first + i]].Length), _lines[indices[first + i]]));
            for (var i = 0; i < count; i++)
            {
                yield return batch[i];
                batch[i] = null!;
            }
        }
    }

    private void ParseBatch(byte[] source, long sourceStart, int first, int count, SampleRecord[] batch)
    {
        // Parsing is most of the cost of reading a log back; lines are independent, so every core takes a share.
        if (count < 32 || Environment.ProcessorCount == 1)
        {
            for (var i = 0; i < count; i++)
            {
                batch[i] = ParseAt(source, sourceStart, _lines[first + i]);
            }

            return;
        }

        Parallel.For(0, count, i => batch[i] = ParseAt(source, sourceStart, _lines[first + i]));
    }

    private SampleRecord ParseAt(byte[] source, long sourceStart, LogLine line) =>
        Parse(source.AsSpan((int)(line.Offset - sourceStart), line.Length), line);

    private SampleRecord Parse(ReadOnlySpan<byte> bytes, LogLine line)
    {
        try
        {
            return JsonSerializer.Deserialize(bytes, EvalJson.Compact.GetTypeInfo(typeof(LogRecord))) as SampleRecord
                ?? throw Damaged(line, "not a sample record");
        }
        catch (JsonException ex)
        {
            throw Damaged(line, JsonErrorText.Of(ex));
        }
    }

    private static void Fill(Microsoft.Win32.SafeHandles.SafeFileHandle handle, Span<byte> buffer, long offset)
    {
        var done = 0;
        while (done < buffer.Length)
        {
            var read = RandomAccess.Read(handle, buffer[done..], offset + done);
            if (read == 0)
            {
                break;
            }

            done += read;
        }
    }

    private InvalidInputException Damaged(LogLine line, string problem) =>
        new(new Diagnostic(DisplayPaths.For(_path), 0, 0, null, $"damaged record at byte {line.Offset}: {problem}"));

    private InvalidInputException Truncated(LogLine line) =>
        new(new Diagnostic(DisplayPaths.For(_path), 0, 0, null, $"the log ends before the record at byte {line.Offset}: it was truncated after it was read"));
}
