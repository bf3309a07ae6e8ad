using System.Text.Json;
using EvalHarness.Infrastructure;

namespace EvalHarness.Evidence;

/// <summary>Reads and writes <c>manifest.json</c>. Nulls are written (a null says "not known", which the reader should see).</summary>
public static class EvidenceJson
{
    private static readonly JsonSerializerOptions Options = new(EvalJson.Indented)
    {
        TypeInfoResolver = EvidenceJsonContext.Default,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never,
    };

    public static byte[] ToBytes(EvidenceManifest manifest) =>
        JsonSerializer.SerializeToUtf8Bytes(manifest, Options.GetTypeInfo(typeof(EvidenceManifest)));

    /// <summary>The manifest in <paramref name="bytes"/>, or null with the reason it is not one.</summary>
    public static EvidenceManifest? Read(byte[] bytes, out string? problem)
    {
        try
        {
            var manifest = (EvidenceManifest?)JsonSerializer.Deserialize(bytes, Options.GetTypeInfo(typeof(EvidenceManifest)));
            problem = manifest is null ? "is empty"
                : manifest.Schema != EvidenceManifest.CurrentSchema ? $"schema '{manifest.Schema}' is not supported; this harness reads {EvidenceManifest.CurrentSchema}"
                : Incomplete(manifest);
            return problem is null ? manifest : null;
        }
        catch (JsonException ex)
        {
            problem = "is not an evidence manifest: " + ex.Message;
            return null;
        }
    }

    // The serializer leaves an explicit JSON null in a required field; a hostile manifest must not reach the checks with one.
    private static string? Incomplete(EvidenceManifest m) =>
        m.Harness is null || m.Model is null || m.Cache is null || m.RunId is null || m.RunStatus is null ? "lacks its harness, model, cache, run id or status"
        : m.Files is null || m.Files.Any(f => f?.Path is null || f.Sha256 is null) ? "has a null in 'files'"
        : m.SuiteFiles is null || m.SuiteFiles.Any(f => f?.Entry is null || f.RecordedPath is null || f.Sha256 is null || f.Suite is null) ? "has a null in 'suite_files'"
        : m.Resources is null || m.Resources.Any(r => r?.Sha256 is null || r.Scorer is null || r.Suite is null || r.Name is null || r.Source is null) ? "has a null in 'resources'"
        : m.Missing is null || m.Missing.Any(x => x is null) ? "has a null in 'missing'"
        : m.Gate is { } gate && (gate.Verdict is null || gate.PolicySha256 is null) ? "has a null in 'gate'"
        : m.Signature is { } sig && (sig.Algorithm is null || sig.PublicKeySha256 is null || sig.PublicKeyPem is null) ? "has a null in 'signature'"
        : null;
}
