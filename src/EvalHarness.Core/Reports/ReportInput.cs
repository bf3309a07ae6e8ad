using EvalHarness.Logs;
using EvalHarness.Results;

namespace EvalHarness.Reports;

/// <summary>What every report is rendered from: the run log, the results derived from it, and optionally a comparison.</summary>
/// <param name="Language">"en" or "ja" to force the report's language; null picks it from the suites.</param>
public sealed record ReportInput(RunLog Log, RunResults Results, RunComparison? Comparison = null, string? Language = null)
{
    /// <summary>
    /// Show the personal data scorers found in outputs as it was written (<c>--show-personal-data</c>); by
    /// default reports mask it (<see cref="OutputMasking"/>). The log keeps the raw output either way.
    /// </summary>
    public bool ShowPersonalData { get; init; }

    /// <summary>The gate's verdict on this run (<c>gate.json</c>), when the run was gated.</summary>
    public Gating.GateVerdict? Gate { get; init; }

    /// <summary>
    /// The SHA-256 fingerprint of the public key that signs the evidence pack this report is part of; the cover
    /// page names it so a reader can match it against the key the vendor registered. Null outside a signed pack.
    /// </summary>
    public string? SignatureFingerprint { get; init; }

    /// <summary>Japanese when every suite of the run is Japanese, unless a language was asked for.</summary>
    public string EffectiveLanguage => Language
        ?? (Log.Header.Suites.Count > 0 && Log.Header.Suites.All(s => s.Language.StartsWith("ja", StringComparison.OrdinalIgnoreCase)) ? "ja" : "en");
}
