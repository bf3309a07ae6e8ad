using EvalHarness.Logs;

namespace EvalHarness.Evidence;

/// <summary>
/// The outcome of checking an extracted pack: a <see cref="Problem"/> when it is not a well-formed pack at all,
/// otherwise every difference found (one line each, naming the file, sample or metric) and what was checked.
/// </summary>
public sealed record EvidenceCheck
{
    public string? Problem { get; init; }

    public EvidenceManifest? Manifest { get; init; }

    /// <summary>The packed run log, when it could be read.</summary>
    public RunLog? Log { get; init; }

    public IReadOnlyList<string> Differences { get; init; } = [];

    /// <summary>What the signature shows, in a sentence.</summary>
    public string Signature { get; init; } = string.Empty;

    /// <summary>Each check made, in words a reader outside the project follows.</summary>
    public IReadOnlyList<string> Checked { get; init; } = [];

    public static EvidenceCheck Malformed(string problem) => new() { Problem = problem };
}
