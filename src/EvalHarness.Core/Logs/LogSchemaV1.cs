using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EvalHarness.Infrastructure;

namespace EvalHarness.Logs;

/// <summary>
/// Reads headers of logs written before schema 2, so runs made by earlier versions can still be
/// reported, compared, merged and resumed. Schema 2 renamed the header's <c>target</c> (the model under
/// evaluation) to <c>model</c>, and that object's <c>model</c> (the model's name) to <c>name</c>, because
/// a sample's <c>targets</c> are its reference answers. Sample records did not change.
/// </summary>
internal static class LogSchemaV1
{
    public const string Schema = "evalharness.log/1";

    public static (long, LogRecord?, string?) ParseHeader(ReadOnlySpan<byte> line, long end)
    {
        // Cheap test first: only a version-1 header pays for the rewrite.
        if (line.IndexOf(Encoding.UTF8.GetBytes("\"" + Schema + "\"")) < 0)
        {
            return RunLogReader.Parse(line, end);
        }

        JsonObject? header;
        try
        {
            header = JsonNode.Parse(line) as JsonObject;
        }
        catch (JsonException ex)
        {
            return (end, null, JsonErrorText.Of(ex));
        }

        if (header is null || header["schema"]?.GetValue<string>() != Schema || header["target"] is not JsonObject model)
        {
            return RunLogReader.Parse(line, end);
        }

        header.Remove("target");
        if (model["model"] is { } name)
        {
            model.Remove("model");
            model["name"] = name;
        }

        header["model"] = model;
        header["schema"] = LogHeader.CurrentSchema;
        return RunLogReader.Parse(Encoding.UTF8.GetBytes(header.ToJsonString()), end);
    }
}
