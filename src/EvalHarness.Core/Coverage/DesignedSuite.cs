namespace EvalHarness.Coverage;

/// <summary>A bundled suite the coverage map names as designed to measure a risk, with the scorers (registered names) that do.</summary>
/// <param name="Covers">What part of the suite, in a few words.</param>
public sealed record DesignedSuite(string Suite, IReadOnlyList<string> Scorers, string? Covers = null);
