using System.Buffers;
using System.Text;
using System.Text.Unicode;
using System.Text.Json;
using System.Text.Json.Nodes;
using EvalHarness.Validation;
using EvalHarness.Infrastructure;

namespace EvalHarness.Loading;

/// <summary>Reads JSON Lines: one object per line; blank lines are skipped.</summary>
public static class JsonlReader
{
    private const string RepeatedName = "appears twice in this record; a field may be given once";

    /// <summary>A dataset's lines, each at most <see cref="LoadLimits.MaxRecordBytes"/>.</summary>
    public static List<RawRecord> Read(DatasetSource source, DiagnosticBag diagnostics) =>
        Read(source.Text, source.DisplayPath, diagnostics, source.Limits.MaxRecordBytes);

    public static List<RawRecord> Read(string text, string displayPath, DiagnosticBag diagnostics, long maxLineBytes = long.MaxValue)
    {
        using var reader = new StringReader(text);
        return [.. Stream(reader, displayPath, diagnostics, maxLineBytes)];
    }

    /// <summary>
    /// The records of <paramref name="text"/> one at a time, so a caller that turns each into a sample at once never
    /// holds them all. Problems are reported as each line is read; "no records" once the text ends.
    /// </summary>
    public static IEnumerable<RawRecord> Stream(TextReader text, string displayPath, DiagnosticBag diagnostics, long maxLineBytes = long.MaxValue)
    {
        // A line of more characters than the limit has bytes, is certainly over it: it is only measured, never copied.
        var lines = new LineReader(text, maxLineBytes);
        var utf8 = new Utf8Buffer();
        var parser = new JsonLineParser();
        var count = 0;
        while (lines.MoveNext())
        {
            if (Parse(lines, utf8, parser, displayPath, diagnostics, maxLineBytes) is { } obj)
            {
                count++;
                yield return new RawRecord(lines.Number, obj);
            }
        }

        if (count == 0 && !diagnostics.HasErrors)
        {
            diagnostics.Error(displayPath, 0, 0, null, "the dataset has no records");
        }
    }

    private static JsonObject? Parse(LineReader lines, Utf8Buffer utf8, JsonLineParser parser, string displayPath, DiagnosticBag diagnostics, long maxLineBytes)
    {
        var lineNumber = lines.Number;
        var span = lines.Line;
        if (lines.OverflowBytes is { } overflow)
        {
            diagnostics.Error(displayPath, lineNumber, 0, null, SizeLimits.RecordMessage("the line", overflow, maxLineBytes));
            return null;
        }

        if (span.Length > maxLineBytes / 3 && SizeLimits.Utf8Bytes(span) is var bytes && bytes > maxLineBytes)
        {
            diagnostics.Error(displayPath, lineNumber, 0, null, SizeLimits.RecordMessage("the line", bytes, maxLineBytes));
            return null;
        }

        if (span.IsWhiteSpace())
        {
            return null;
        }

        // Parsed from UTF-8 in a reused buffer, as JsonNode.Parse(string) would transcode it, without a string per line.
        if (Utf8.FromUtf16(span, utf8.Rent(span.Length * 3), out _, out var written, replaceInvalidSequences: false) != OperationStatus.Done)
        {
            return ParseText(span.ToString(), lineNumber, displayPath, diagnostics);
        }

        var utf8Line = utf8.Bytes[..written];
        JsonNode? node = parser.TryParse(utf8Line);
        try
        {
            node ??= JsonNode.Parse(utf8Line);
        }
        catch (JsonException ex)
        {
            diagnostics.Error(displayPath, lineNumber, ColumnOfError(ex), null, "not valid JSON: " + JsonErrorText.Of(ex));
            return null;
        }

        // Checked after the syntax, which the general parser above has just confirmed: it accepts a repeated name
        // and would fail on the record's first use instead.
        if (parser.Duplicate is { } repeated)
        {
            diagnostics.Error(displayPath, lineNumber, 0, repeated, RepeatedName);
            return null;
        }

        if (utf8Line.IndexOf("\\u"u8) >= 0 && UnpairedSurrogates.Find(utf8Line) is { } broken)
        {
            diagnostics.Error(displayPath, lineNumber, ColumnOf(utf8Line, broken.Offset), broken.Field, (broken.Field is null ? "a text value " : "the text ") + UnpairedSurrogates.Message);
            return null;
        }

        return AsObject(node, lineNumber, displayPath, diagnostics);
    }

    /// <summary>A line that is not valid UTF-16 (a lone surrogate character, never from a decoded file): parsed as it always was.</summary>
    private static JsonObject? ParseText(string line, int lineNumber, string displayPath, DiagnosticBag diagnostics)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(line, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException ex)
        {
            diagnostics.Error(displayPath, lineNumber, ColumnOfError(ex), null, "not valid JSON: " + JsonErrorText.Of(ex));
            return null;
        }

        if (UnpairedSurrogates.MayContain(line) && UnpairedSurrogates.Find(Encoding.UTF8.GetBytes(line)) is { } broken)
        {
            diagnostics.Error(displayPath, lineNumber, ColumnOf(Encoding.UTF8.GetBytes(line), broken.Offset), broken.Field, (broken.Field is null ? "a text value " : "the text ") + UnpairedSurrogates.Message);
            return null;
        }

        return AsObject(node, lineNumber, displayPath, diagnostics);
    }

    private static JsonObject? AsObject(JsonNode? node, int lineNumber, string displayPath, DiagnosticBag diagnostics)
    {
        if (node is JsonObject obj)
        {
            return obj;
        }

        diagnostics.Error(displayPath, lineNumber, 1, null, "each line must be one JSON object ({...})");
        return null;
    }

    private static int ColumnOfError(JsonException ex) => ex.BytePositionInLine is { } b ? (int)b + 1 : 0;

    // Columns count characters, as an editor does; the reader reports bytes.
    private static int ColumnOf(ReadOnlySpan<byte> line, long byteOffset) =>
        Encoding.UTF8.GetCharCount(line[..(int)Math.Min(byteOffset, line.Length)]) + 1;

    /// <summary>One growing byte buffer per read, for the UTF-8 of the current line.</summary>
    private sealed class Utf8Buffer
    {
        private byte[] _bytes = new byte[1024];

        public Span<byte> Bytes => _bytes;

        public Span<byte> Rent(long length)
        {
            if (length > _bytes.Length)
            {
                _bytes = new byte[Math.Max(length, _bytes.Length * 2L)];
            }

            return _bytes;
        }
    }
}
