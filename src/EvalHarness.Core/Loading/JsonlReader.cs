using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EvalHarness.Validation;
using EvalHarness.Infrastructure;

namespace EvalHarness.Loading;

/// <summary>Reads JSON Lines: one object per line; blank lines are skipped.</summary>
public static class JsonlReader
{
    public static List<RawRecord> Read(string text, string displayPath, DiagnosticBag diagnostics)
    {
        var records = new List<RawRecord>();
        var lineNumber = 0;
        using var reader = new StringReader(text);
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
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
