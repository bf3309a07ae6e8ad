namespace EvalHarness.Coverage;

/// <summary>Samples of one language tagged with a risk, perspective or quality category.</summary>
/// <param name="Scored">Of those, the ones a run scored; null when counting suites rather than a run.</param>
public sealed record CoverageCount(string Language, int Samples, int? Scored = null);
