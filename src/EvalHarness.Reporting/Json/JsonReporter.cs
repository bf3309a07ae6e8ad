using System.Buffers;
using System.Text.Json;
using EvalHarness.Infrastructure;
using EvalHarness.Logs;
using EvalHarness.Reports;
using EvalHarness.Results;

namespace EvalHarness.Reporting.Json;

/// <summary>
/// One JSON document with the results, the judges (the log header's roles) and the run a re-scored run came
/// from, the comparison (when there is one) and every sample record, for dashboards and scripts that want a
/// single file rather than results.json plus log.jsonl.
/// </summary>
public sealed class JsonReporter : IRunReporter
{
    public const string Schema = "evalharness.report/1";

    // Runs have 100,000 samples and more: the document is written to the file as it goes, never held whole.
    private const int FlushThreshold = 1 << 16;

    public static JsonReporter Default { get; } = new();

    public string Name => "json";


    public string Description => "the report's data as JSON, for other tools";

    public string FileName => "report.json";

    public void Write(ReportInput input, string path)
    {
        ArgumentNullException.ThrowIfNull(input);
        var options = EvalJson.Indented;
        AtomicFile.Write(path, stream =>
        {
            // Written into a buffer and copied to the file in blocks: the serializer flushes its writer after every
            // sample, and a writer over the file stream would hand each sample to the OS on its own (one write(2)
            // per sample, 10,000 for 10,000 samples).
            var buffer = new ArrayBufferWriter<byte>(2 * FlushThreshold);
            using var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = options.Encoder, Indented = true });
            json.WriteStartObject();
            json.WriteString("schema", Schema);
            json.WritePropertyName("results");
            JsonSerializer.Serialize(json, input.Results, options.GetTypeInfo(typeof(RunResults)));
            if (input.Gate is not null)
            {
                json.WritePropertyName("gate");
                Gating.GateFile.Serialize(json, input.Gate);
            }

            // Who judged and where a re-scored run's outputs came from, as the log header says: a program
            // reading this file alone must be able to tell recorded verdicts from a live judge.
            if (input.Log.Header.Roles is { Count: > 0 } roles)
            {
                json.WritePropertyName("roles");
                JsonSerializer.Serialize(json, roles, options.GetTypeInfo(typeof(IReadOnlyList<RoleHeader>)));
            }

            if (input.Log.Header.ScoredFrom is { } scoredFrom)
            {
                json.WritePropertyName("scored_from");
                JsonSerializer.Serialize(json, scoredFrom, options.GetTypeInfo(typeof(ScoredFrom)));
            }

            if (input.Comparison is not null)
            {
                json.WritePropertyName("comparison");
                JsonSerializer.Serialize(json, input.Comparison, options.GetTypeInfo(typeof(RunComparison)));
            }

            // The samples come last, one per line as in the log, written here rather than by the indented writer:
            // indenting every field of a million records made the file larger than the log and took most of the
            // time spent writing reports. Each entry is exactly its log.jsonl line ("type": "sample" included) and
            // reads back with the log's own types; personal data a scorer found is masked unless shown.
            // A run held in memory copies each unmasked record's line from its log instead (RecordLines).
            json.Flush();
            using var compact = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = options.Encoder, SkipValidation = true });
            buffer.Write(",\n  \"samples\": ["u8);
            var shown = OutputMasking.ForDisplay(input).Samples;
            using var lines = RecordLines.Open(input.Log);
            var index = 0;
            foreach (var sample in shown)
            {
                buffer.Write(index == 0 ? "\n    "u8 : ",\n    "u8);
                if (lines is not null && lines.TryGet(index, sample, out var line))
                {
                    buffer.Write(line);
                }
                else
                {
                    compact.Reset(buffer);
                    SampleRecordJson.Write(compact, sample);
                    compact.Flush();
                }

                index++;
                if (buffer.WrittenCount > FlushThreshold)
                {
                    stream.Write(buffer.WrittenSpan);
                    buffer.ResetWrittenCount();
                }
            }

            buffer.Write(index == 0 ? "]\n}"u8 : "\n  ]\n}"u8);
            stream.Write(buffer.WrittenSpan);
        });
    }
}
