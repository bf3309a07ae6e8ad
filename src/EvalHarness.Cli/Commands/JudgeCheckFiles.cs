using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using EvalHarness.Infrastructure;
using EvalHarness.Judges.Calibration;

namespace EvalHarness.Cli.Commands;

/// <summary>Writes the files of <c>judge-check --out DIR</c>, each whole or not at all.</summary>
internal static class JudgeCheckFiles
{
    public const string Json = "judge-check.json";

    public const string Markdown = "judge-check.md";

    public const string Calls = "judge-calls.jsonl";

    // Files the harness writes are data: Japanese and quotes stay readable, as in every other file it writes.
    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(string directory, JudgeCheckFacts facts, IReadOnlyList<(ItemOutcome Outcome, JsonObject? Judge)> judged)
    {
        Directory.CreateDirectory(directory);
        AtomicFile.Write(Path.Combine(directory, Json), stream =>
        {
            using var writer = new Utf8JsonWriter(stream, Indented);
            WithoutNulls(JudgeCheckJson.Build(facts)).WriteTo(writer);
        });
        AtomicFile.Write(Path.Combine(directory, Calls), stream =>
        {
            foreach (var (outcome, judge) in judged)
            {
                using (var writer = new Utf8JsonWriter(stream, Compact))
                {
                    WithoutNulls(JudgeCheckJson.Calls(outcome, judge)).WriteTo(writer);
                }

                stream.WriteByte((byte)'\n');
            }
        });
        AtomicFile.WriteAllText(Path.Combine(directory, Markdown), JudgeCheckMarkdown.Render(facts));
    }

    /// <summary>Absent rather than null, as in every file the harness writes.</summary>
    private static JsonNode WithoutNulls(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Where(p => p.Value is null).Select(p => p.Key).ToList())
                {
                    obj.Remove(name);
                }

                foreach (var (_, value) in obj)
                {
                    WithoutNulls(value!);
                }

                break;
            case JsonArray array:
                foreach (var value in array.Where(v => v is not null))
                {
                    WithoutNulls(value!);
                }

                break;
        }

        return node;
    }
}
