using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EvalHarness.Validation;
using EvalHarness.Infrastructure;

namespace EvalHarness.Loading;

/// <summary>Reads JSON Lines: one object per line; blank lines are skipped.</summary>
public static class JsonlReader
{
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
        var count = 0;
        while (lines.MoveNext())
        {
            if (Parse(lines, displayPath, diagnostics, maxLineBytes) is { } obj)
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

    private static JsonObject? Parse(LineReader lines, string displayPath, DiagnosticBag diagnostics, long maxLineBytes)
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

        var line = span.ToString();
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(line);
        }
        catch (JsonException ex)
        {
            var column = ex.BytePositionInLine is { } b ? (int)b + 1 : 0;
            diagnostics.Error(displayPath, lineNumber, column, null, "not valid JSON: " + JsonErrorText.Of(ex));
            return null;
        }

        if (UnpairedSurrogates.MayContain(line) && UnpairedSurrogates.Find(Encoding.UTF8.GetBytes(line)) is { } broken)
        {
            diagnostics.Error(displayPath, lineNumber, ColumnOf(line, broken.Offset), broken.Field, (broken.Field is null ? "a text value " : "the text ") + UnpairedSurrogates.Message);
            return null;
        }

        if (node is JsonObject obj)
        {
            return obj;
        }

        diagnostics.Error(displayPath, lineNumber, 1, null, "each line must be one JSON object ({...})");
        return null;
    }

    private static int ColumnOf(string line, long byteOffset)
    {
        // Columns count characters, as an editor does; the reader reports bytes.
        var bytes = Encoding.UTF8.GetBytes(line);
        return Encoding.UTF8.GetCharCount(bytes, 0, (int)Math.Min(byteOffset, bytes.Length)) + 1;
    }
}
