using EvalHarness.Infrastructure;
using EvalHarness.Models;

namespace EvalHarness.Evidence;

/// <summary><c>manifest.json</c>: what an evidence pack holds, with the SHA-256 of every file, and where it came from.</summary>
public sealed record EvidenceManifest
{
    public const string CurrentSchema = "evalharness.evidence/1";

    public required string Schema { get; init; }

    public required DateTimeOffset Created { get; init; }

    public required HarnessInfo Harness { get; init; }

    public required string Runtime { get; init; }

    public required string Os { get; init; }

    public required string RunId { get; init; }

    /// <summary>The footer's status (<c>completed</c>, <c>interrupted</c>, …).</summary>
    public required string RunStatus { get; init; }

    public required ModelInfo Model { get; init; }

    public required IReadOnlyList<ManifestFile> Files { get; init; }

    public required IReadOnlyList<ManifestSuiteFile> SuiteFiles { get; init; }

    public required IReadOnlyList<ManifestResource> Resources { get; init; }

    public required ManifestCache Cache { get; init; }

    public ManifestGate? Gate { get; init; }

    public ManifestSignature? Signature { get; init; }

    public required IReadOnlyList<ManifestMissing> Missing { get; init; }
}
