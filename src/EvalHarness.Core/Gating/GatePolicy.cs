namespace EvalHarness.Gating;

/// <summary>A parsed gate policy: the rules a run must meet for <c>evalh gate</c> to pass it.</summary>
/// <param name="File">The policy file as the user named it.</param>
/// <param name="Alpha">Significance level for non-regression rules.</param>
/// <param name="Correction"><see cref="Statistics.MultipleTesting.HolmMethod"/> or <see cref="Statistics.MultipleTesting.BenjaminiHochbergMethod"/>.</param>
public sealed record GatePolicy(string File, int Version, double Alpha, string Correction, IReadOnlyList<GateRule> Rules)
{
    public const int CurrentVersion = 1;

    /// <summary>Without a policy-wide or rule's own <c>min_samples</c>: below this many samples no metric (or pair) is judged.</summary>
    public const int DefaultMinSamples = 10;

    /// <summary>SHA-256 of the policy file's text, recorded in the verdict.</summary>
    public string Sha256 { get; init; } = string.Empty;

    /// <summary>True when some rule needs a baseline run to be evaluated.</summary>
    public bool UsesBaseline => Rules.Any(r => r is NonRegressionRule);
}
