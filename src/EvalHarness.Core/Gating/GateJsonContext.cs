using System.Text.Json.Serialization;

namespace EvalHarness.Gating;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(GateVerdict))]
internal sealed partial class GateJsonContext : JsonSerializerContext;
