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
        var records = new List<RawRecord>();
        var lineNumber = 0;
        var position = 0;
        while (position < text.Length)
        {
            // Line breaks as StringReader.ReadLine sees them, but a line is measured before it is copied or parsed.
            var rest = text.AsSpan(position);
            var end = rest.IndexOfAny('\r', '\n');
            var span = end < 0 ? rest : rest[..end];
            position += end < 0 ? rest.Length : end + (rest[end] == '\r' && end + 1 < rest.Length && rest[end + 1] == '\n' ? 2 : 1);
            lineNumber++;
            if (span.Length > maxLineBytes / 3 && SizeLimits.Utf8Bytes(span) is var bytes && bytes > maxLineBytes)
            {
                diagnostics.Error(displayPath, lineNumber, 0, null, SizeLimits.RecordMessage("the line", bytes, maxLineBytes));
                continue;
            }

            var line = span.ToString();
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            JsonNode? node;
            try
            {
                node = JsonNode.Parse(line);
            }
            catch (JsonException ex)
            {
                var column = ex.BytePositionInLine is { } b ? (int)b + 1 : 0;
                diagnostics.Error(displayPath, lineNumber, column, null, "not valid JSON: " + JsonErrorText.Of(ex));
                continue;
            }

            if (UnpairedSurrogates.MayContain(line) && UnpairedSurrogates.Find(Encoding.UTF8.GetBytes(line)) is { } broken)
            {
                diagnostics.Error(displayPath, lineNumber, ColumnOf(line, broken.Offset), broken.Field, (broken.Field is null ? "a text value " : "the text ") + UnpairedSurrogates.Message);
                continue;
            }

            if (node is JsonObject obj)
            {
                records.Add(new RawRecord(lineNumber, obj));
            }
            else
            {
                diagnostics.Error(displayPath, lineNumber, 1, null, "each line must be one JSON object ({...})");
            }
        }

        if (records.Count == 0 && !diagnostics.HasErrors)
        {
            diagnostics.Error(displayPath, 0, 0, null, "the dataset has no records");
        }

        return records;
    }

    private static int ColumnOf(string line, long byteOffset)
    {
        // Columns count characters, as an editor does; the reader reports bytes.
        var bytes = Encoding.UTF8.GetBytes(line);
        return Encoding.UTF8.GetCharCount(bytes, 0, (int)Math.Min(byteOffset, bytes.Length)) + 1;
    }
}
