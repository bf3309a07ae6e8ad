using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using EvalHarness.Comparison;
using EvalHarness.Logs;
using EvalHarness.Results;

namespace EvalHarness.Infrastructure;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(LogRecord))]
[JsonSerializable(typeof(LogHeader))]
[JsonSerializable(typeof(SampleRecord))]
[JsonSerializable(typeof(LogFooter))]
[JsonSerializable(typeof(LimitRecord))]
[JsonSerializable(typeof(ResumeRecord))]
[JsonSerializable(typeof(RunResults))]
[JsonSerializable(typeof(RunComparison))]
[JsonSerializable(typeof(RunPairComparison))]
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class EvalJsonContext : JsonSerializerContext;
