namespace EvalHarness.Coverage;

/// <summary>A suite with samples tagged with a risk, perspective or quality category, and the scorers (registered names) that score them.</summary>
/// <param name="Scored">Of those samples, the ones a run scored; null when counting suites rather than a run.</param>
public sealed record CoverageSuite(string Name, int Samples, IReadOnlyList<string> Scorers, int? Scored = null);
