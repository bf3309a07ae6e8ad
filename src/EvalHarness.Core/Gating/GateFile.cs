using System.Text.Json;
using EvalHarness.Infrastructure;
using EvalHarness.Validation;

namespace EvalHarness.Gating;

/// <summary>Reads and writes <c>gate.json</c>, the verdict a gate leaves in the run directory for the reports.</summary>
public static class GateFile
{
    public const string FileName = "gate.json";

    // The harness's usual settings (snake_case, nulls omitted, readable Japanese) with the verdict's own types.
    private static readonly JsonSerializerOptions Options = new(EvalJson.Indented) { TypeInfoResolver = GateJsonContext.Default };

    public static string ToJson(GateVerdict verdict) =>
        JsonSerializer.Serialize(verdict, Options.GetTypeInfo(typeof(GateVerdict)));

    /// <summary>Writes the verdict as one JSON value into a document being written (the JSON report's "gate").</summary>
    public static void Serialize(Utf8JsonWriter writer, GateVerdict verdict) =>
        JsonSerializer.Serialize(writer, verdict, Options.GetTypeInfo(typeof(GateVerdict)));

    public static void Write(string path, GateVerdict verdict) => AtomicFile.WriteAllText(path, ToJson(verdict) + "\n");

    /// <summary>The verdict in <paramref name="directory"/>, or null when there is none; a broken file is bad input naming it.</summary>
    public static GateVerdict? ReadIfPresent(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var verdict = (GateVerdict?)JsonSerializer.Deserialize(File.ReadAllText(path), Options.GetTypeInfo(typeof(GateVerdict)));
            if (verdict is not null && verdict.Schema != GateVerdict.CurrentSchema)
            {
                throw Invalid(path, $"schema '{verdict.Schema}' is not supported; this harness reads {GateVerdict.CurrentSchema}");
            }

            return verdict ?? throw Invalid(path, "is empty");
        }
        catch (JsonException ex)
        {
            throw Invalid(path, "is not a gate verdict: " + ex.Message);
        }
    }

    private static InvalidInputException Invalid(string path, string message) =>
        new([new Diagnostic(DisplayPaths.For(path), 0, 0, null, message)]);
}
