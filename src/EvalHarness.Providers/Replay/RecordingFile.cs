using System.Text.Json;
using System.Text.Json.Nodes;
using EvalHarness.Infrastructure;
using EvalHarness.Loading;
using EvalHarness.Validation;

namespace EvalHarness.Providers.Replay;

/// <summary>
/// Reads recorded responses: one JSON object per line,
/// <c>{"id": "q1", "epoch": 1, "output": "...", "suite": "smoke"}</c> (<c>epoch</c> defaults to 1,
/// <c>suite</c> is optional). A multi-turn conversation records one answer per turn in order,
/// <c>"outputs": ["turn 1", "turn 2"]</c>, instead of <c>output</c>.
/// </summary>
public static class RecordingFile
{
    public static List<Recording> Read(string path, DiagnosticBag diagnostics, string? suite = null)
    {
        var display = DisplayPaths.For(path);
        var text = TextFiles.Read(path, display, "utf-8", diagnostics, "--model replay:");
        if (text is null)
        {
            return [];
        }

        var recordings = new List<Recording>();
        var errorsBefore = diagnostics.ErrorCount;
        foreach (var record in JsonlReader.Read(text, display, diagnostics))
        {
            if (Parse(record, display, suite, diagnostics) is { } recording)
            {
                recordings.Add(recording);
            }
        }

        return diagnostics.ErrorCount > errorsBefore ? [] : recordings;
    }

    private static Recording? Parse(RawRecord record, string display, string? suite, DiagnosticBag diagnostics)
    {
        var fields = record.Fields;
        string? id = fields["id"] switch
        {
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.ToJsonString(),
            _ => null,
        };
        if (id is null)
        {
            diagnostics.Error(display, record.Line, 0, "id", "is required: the id of the sample this output answers");
            return null;
        }

        if (fields["outputs"] is { } many)
        {
            return ParseTurns(record, many, display, suite, diagnostics);
        }

        if (fields["output"] is not JsonValue output || output.GetValueKind() != JsonValueKind.String)
        {
            diagnostics.Error(display, record.Line, 0, "output", "is required and must be text (or 'outputs', a list with the answer to each turn)");
            return null;
        }

        var epoch = 1;
        if (fields["epoch"] is { } e && (e is not JsonValue ev || !ev.TryGetValue(out epoch) || epoch < 1))
        {
            diagnostics.Error(display, record.Line, 0, "epoch", "must be a whole number of at least 1");
            return null;
        }

        var recordSuite = fields["suite"] is JsonValue s && s.TryGetValue<string>(out var named) ? named : suite;
        var finish = fields["finish_reason"] is JsonValue f && f.TryGetValue<string>(out var reason) ? reason : null;
        var verdicts = Verdicts(fields["judge"], display, record.Line, diagnostics);
        return new Recording(recordSuite, id, epoch, output.GetValue<string>(), finish, display, record.Line) { Verdicts = verdicts };
    }

    /// <summary><c>"judge": {"&lt;scorer id&gt;": "the judge's reply"}</c>: what a judge said about this answer, for demo runs.</summary>
    private static Dictionary<string, string> Verdicts(JsonNode? node, string display, int line, DiagnosticBag diagnostics)
    {
        var verdicts = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is null)
        {
            return verdicts;
        }

        if (node is not JsonObject map || map.Any(p => p.Value is not JsonValue v || v.GetValueKind() != JsonValueKind.String))
        {
            diagnostics.Error(display, line, 0, "judge", "must map each judge scorer's id to the judge's recorded reply (text)");
            return verdicts;
        }

        foreach (var (scorer, reply) in map)
        {
            verdicts[scorer] = reply!.GetValue<string>();
        }

        return verdicts;
    }

    /// <summary>A record with <c>outputs</c>: the other fields as for <c>output</c>, one answer per turn.</summary>
    private static Recording? ParseTurns(RawRecord record, JsonNode outputs, string display, string? suite, DiagnosticBag diagnostics)
    {
        if (record.Fields["output"] is not null)
        {
            diagnostics.Error(display, record.Line, 0, "outputs", "give either 'output' or 'outputs', not both");
            return null;
        }

        if (outputs is not JsonArray { Count: > 0 } list || list.Any(o => o is not JsonValue v || v.GetValueKind() != JsonValueKind.String))
        {
            diagnostics.Error(display, record.Line, 0, "outputs", "must be a non-empty list of text: the answer to each turn, in order");
            return null;
        }

        var texts = list.Select(o => o!.GetValue<string>()).ToList();
        var fields = (JsonObject)record.Fields.DeepClone();
        fields.Remove("outputs");
        fields["output"] = texts[0];
        return Parse(record with { Fields = fields }, display, suite, diagnostics) is { } first ? first with { Outputs = texts } : null;
    }
}
