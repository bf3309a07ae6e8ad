using System.Text.Json.Serialization;

namespace EvalHarness.Evidence;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(EvidenceManifest))]
internal sealed partial class EvidenceJsonContext : JsonSerializerContext;
