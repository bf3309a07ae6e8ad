using System.Security.Cryptography;
using EvalHarness.Scoring;

namespace EvalHarness.Evidence;

/// <summary>What <see cref="EvidencePacker"/> packs and how.</summary>
/// <param name="RunDirectory">The run's directory (log.jsonl, results.json, reports).</param>
/// <param name="OutputPath">The zip to write; replaced whole or not at all.</param>
/// <param name="Key">The private key that signs the manifest, or null for an unsigned pack.</param>
/// <param name="Resources">Finds the exact text of a scorer resource the log names (built-in or a file), or null.</param>
public sealed record PackRequest(string RunDirectory, string OutputPath, ECDsa? Key, DateTimeOffset Created, Func<ScorerResource, EvidenceResourceText?> Resources)
{
    /// <summary>
    /// Run outputs rendered for the pack in place of the run directory's copies, by file name: the HTML report whose
    /// cover names the signing key's fingerprint. The log and results are always the run's own.
    /// </summary>
    public IReadOnlyDictionary<string, byte[]> Rendered { get; init; } = new Dictionary<string, byte[]>();
}
