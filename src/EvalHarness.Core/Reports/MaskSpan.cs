using System.Text.Json.Nodes;

namespace EvalHarness.Reports;

/// <summary>
/// A stretch of a sample's output that reports show masked: what a scorer found there (personal data) and the
/// text to show instead. Offsets are UTF-16 code units of <c>SampleRecord.Output</c>, which is one per character
/// for Japanese and ASCII text.
/// </summary>
/// <param name="Start">Index of the first character masked.</param>
/// <param name="Length">Characters masked.</param>
/// <param name="Kind">What the span holds ("phone", "email"), for a reader of the log.</param>
/// <param name="Mask">What reports show in its place ("090-****-**34"); never the raw text.</param>
public sealed record MaskSpan(int Start, int Length, string Kind, string Mask)
{
    public JsonObject ToJson() => new()
    {
        ["start"] = Start,
        ["length"] = Length,
        ["kind"] = Kind,
        ["mask"] = Mask,
    };

    /// <summary>A span read back from a log; null when the entry is not one (an old or hand-edited log).</summary>
    public static MaskSpan? FromJson(JsonNode? node)
    {
        if (node is not JsonObject o
            || o["start"] is not JsonValue start || !start.TryGetValue<int>(out var s)
            || o["length"] is not JsonValue length || !length.TryGetValue<int>(out var l))
        {
            return null;
        }

        var kind = o["kind"] is JsonValue k && k.TryGetValue<string>(out var text) ? text : "masked";
        var mask = o["mask"] is JsonValue m && m.TryGetValue<string>(out var shown) ? shown : new string('*', Math.Max(1, l));
        return new MaskSpan(s, l, kind, mask);
    }
}
