using System.Text.Json.Nodes;
using EvalHarness.Infrastructure;
using EvalHarness.Suites;

namespace EvalHarness.Loading.Formats;

/// <summary>Builds records under the harness's own field names, which <see cref="SampleBuilder"/> reads with the default mapping.</summary>
public static class StandardRecord
{
    public static RawRecord Create(
        int line,
        string id,
        JsonNode input,
        IEnumerable<string>? targets = null,
        IEnumerable<string>? choices = null,
        IEnumerable<KeyValuePair<string, string>>? metadata = null)
    {
        var names = FieldMapping.Default;
        var fields = new JsonObject
        {
            [names.Id] = id,
            [names.Input] = input,
        };
        if (targets is not null)
        {
            fields[names.Target] = TextArray(targets);
        }

        if (choices is not null)
        {
            fields[names.Choices] = TextArray(choices);
        }

        if (metadata is not null)
        {
            var labels = new JsonObject();
            foreach (var (key, value) in metadata)
            {
                labels[key] = value;
            }

            fields[names.Metadata] = labels;
        }

        return new RawRecord(line, fields);
    }

    /// <summary>A conversation: a system message, then the user's text.</summary>
    public static JsonArray SystemAndUser(string system, string user) => new(
        new JsonObject { ["role"] = MessageRoles.System, ["content"] = system },
        new JsonObject { ["role"] = MessageRoles.User, ["content"] = user });

    /// <summary>
    /// A list as one metadata value. Metadata values are text, so lists travel as JSON; the relaxed
    /// encoder keeps Japanese readable in logs and reports instead of \u escapes.
    /// </summary>
    public static string JsonList(IEnumerable<string> items) => TextArray(items).ToJsonString(EvalJson.Compact);

    private static JsonArray TextArray(IEnumerable<string> items) => new([.. items.Select(i => (JsonNode?)JsonValue.Create(i))]);
}
