namespace EvalHarness.Coverage;

/// <summary>One sample as coverage counts it: its suite, tags, language and the scorers (registered names) that apply.</summary>
/// <param name="Scored">Whether the run scored it; null when counting suites rather than a run.</param>
public sealed record CoverageSample(string Suite, IReadOnlyDictionary<string, string> Metadata, string Language, IReadOnlyList<string> Scorers, bool? Scored = null);
