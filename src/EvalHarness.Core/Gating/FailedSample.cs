namespace EvalHarness.Gating;

/// <summary>A sample a pass/fail scorer failed, behind a failing threshold; text masked as the reports mask it.</summary>
/// <param name="Explanation">The scorer's explanation, if it gave one.</param>
/// <param name="Output">The start of the model's answer (personal data masked).</param>
public sealed record FailedSample(string Suite, string Id, string? Explanation, string? Output);
