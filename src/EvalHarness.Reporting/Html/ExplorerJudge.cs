using System.Text.Json;
using System.Text.Json.Nodes;
using EvalHarness.Scoring;

namespace EvalHarness.Reporting.Html;

/// <summary>
/// What the explorer shows of a judge's work on one sample, read from the score's metadata ("judge"): the
/// rubric and its SHA-256, the panel's vote and tally, and each call's raw reply and verdict. The prompts
/// sent are left out: they repeat the rubric for every sample and are in log.jsonl and report.json.
/// </summary>
/// <remarks>
/// The metadata comes from a log file, which anyone can edit: every field is read only when it has the
/// expected type, and anything else is left out rather than trusted.
/// </remarks>
internal static class ExplorerJudge
{
    /// <summary>
    /// {"failed": 1 (a judge error), "rubric", "language", "sha256", "vote", "judges": [...], "counts": {label: n},
    /// "calls": [[judge, attempt, raw, verdict, error, cached 0/1], ...]}; nothing when the score is not a judge's.
    /// </summary>
    public static void Write(Utf8JsonWriter json, Score score)
    {
        var judge = score.Metadata?.TryGetPropertyValue("judge", out var node) == true ? node as JsonObject : null;
        if (judge is null && score.JudgeError != true)
        {
            return;
        }

        json.WriteStartObject();
        if (score.JudgeError == true)
        {
            json.WriteNumber("failed", 1);
        }

        if (judge is not null)
        {
            Copy(json, "rubric", judge, "rubric");
            Copy(json, "language", judge, "language");
            Copy(json, "sha256", judge, "rubric_sha256");
            Copy(json, "vote", judge, "vote");
            json.WriteStartArray("judges");
            foreach (var name in (judge["judges"] as JsonArray ?? []).Select(Text).OfType<string>())
            {
                json.WriteStringValue(name);
            }

            json.WriteEndArray();
            if (judge["counts"] is JsonObject counts)
            {
                json.WriteStartObject("counts");
                foreach (var (label, count) in counts)
                {
                    if (count is JsonValue value && value.TryGetValue<int>(out var n))
                    {
                        json.WriteNumber(label, n);
                    }
                }

                json.WriteEndObject();
            }

            json.WriteStartArray("calls");
            foreach (var call in (judge["calls"] as JsonArray ?? []).OfType<JsonObject>())
            {
                WriteCall(json, call);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static void WriteCall(Utf8JsonWriter json, JsonObject call)
    {
        json.WriteStartArray();
        Value(json, Text(call["judge"]));
        json.WriteNumberValue(call["attempt"] is JsonValue a && a.TryGetValue<int>(out var attempt) ? attempt : 1);
        Value(json, Text(call["raw"]));
        Value(json, Text(call["verdict"]));
        Value(json, Text(call["error"]));
        json.WriteNumberValue(call["cached"] is JsonValue c && c.TryGetValue<bool>(out var cached) && cached ? 1 : 0);
        json.WriteEndArray();
    }

    private static void Copy(Utf8JsonWriter json, string name, JsonObject from, string key)
    {
        if (Text(from[key]) is { } text)
        {
            json.WriteString(name, text);
        }
    }

    private static void Value(Utf8JsonWriter json, string? text)
    {
        if (text is null)
        {
            json.WriteNullValue();
        }
        else
        {
            json.WriteStringValue(text);
        }
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
