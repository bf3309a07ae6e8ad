using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EvalHarness.Infrastructure;
using EvalHarness.Validation;

namespace EvalHarness.Loading;

/// <summary>
/// Applies <see cref="LoadLimits"/> to records whatever format produced them, and words the messages,
/// which name the option that raises each limit and a value that would admit the record.
/// </summary>
internal static class SizeLimits
{
    public static long Utf8Bytes(ReadOnlySpan<char> text) => Encoding.UTF8.GetByteCount(text);

    /// <summary>True when every text value of <paramref name="record"/> and their sum are within the limits; otherwise reports the first excess.</summary>
    public static bool Check(RawRecord record, LoadLimits limits, string displayPath, DiagnosticBag diagnostics)
    {
        long total = 0;
        foreach (var (field, value) in record.Fields)
        {
            var (sum, largest) = Measure(value);
            if (largest > limits.MaxFieldBytes)
            {
                diagnostics.Error(displayPath, record.Line, 0, field,
                    $"holds {ByteSizes.Format(largest)} of text, more than the {ByteSizes.Format(limits.MaxFieldBytes)} a field may hold; if that is intended, raise the limit with --max-field-size {Suggest(largest)}");
                return false;
            }

            total += sum;
        }

        if (total > limits.MaxRecordBytes)
        {
            diagnostics.Error(displayPath, record.Line, 0, null, RecordMessage("the record", total, limits.MaxRecordBytes));
            return false;
        }

        return true;
    }

    public static string RecordMessage(string what, long bytes, long limit) =>
        $"{what} is {ByteSizes.Format(bytes)}, more than the {ByteSizes.Format(limit)} a record may hold; if that is intended, raise the limit with --max-record-size {Suggest(bytes)}";

    public static string SamplesMessage(int limit) => string.Create(CultureInfo.InvariantCulture,
        $"the dataset holds more than {limit:N0} samples, the most one suite may hold; this is the first one over the limit. If that is intended, raise it with --max-samples");

    /// <summary>A value for the option that admits <paramref name="bytes"/>: whole megabytes (or kilobytes below one).</summary>
    private static string Suggest(long bytes)
    {
        var unit = bytes >= 1L << 20 ? 1L << 20 : 1L << 10;
        var count = (bytes + unit - 1) / unit;
        return string.Create(CultureInfo.InvariantCulture, $"{count}{(unit == 1L << 20 ? "MB" : "KB")}");
    }

    /// <summary>The UTF-8 size of all text in a value (lists and objects included) and of its longest single text.</summary>
    private static (long Sum, long Largest) Measure(JsonNode? node)
    {
        switch (node)
        {
            case JsonValue value when value.TryGetValue<JsonElement>(out var element):
                var size = element.ValueKind == JsonValueKind.String ? StringBytes(element) : 0;
                return (size, size);
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                var bytes = Utf8Bytes(value.GetValue<string>());
                return (bytes, bytes);
            case JsonArray array:
                return Combine(array);
            case JsonObject obj:
                return Combine(obj.Select(p => p.Value));
            default:
                return (0, 0);
        }
    }

    /// <summary>
    /// The UTF-8 size of a parsed JSON string without making a string of it: a string with no escape is its own bytes
    /// in the document (which were UTF-8 to begin with); only one with escapes is decoded to be measured.
    /// </summary>
    private static long StringBytes(JsonElement element)
    {
        var raw = JsonMarshal.GetRawUtf8Value(element);
        if (raw.Length >= 2 && raw[0] == (byte)'"' && raw[^1] == (byte)'"' && raw[1..^1].IndexOf((byte)'\\') < 0)
        {
            return raw.Length - 2;
        }

        return Utf8Bytes(element.GetString());
    }

    private static (long Sum, long Largest) Combine(IEnumerable<JsonNode?> nodes)
    {
        long sum = 0, largest = 0;
        foreach (var node in nodes)
        {
            var (s, l) = Measure(node);
            sum += s;
            largest = Math.Max(largest, l);
        }

        return (sum, largest);
    }
}
