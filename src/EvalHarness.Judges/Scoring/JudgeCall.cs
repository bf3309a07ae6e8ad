using EvalHarness.Suites;

namespace EvalHarness.Judges.Scoring;

/// <summary>One request to one judge and what came back, kept in the sample's record so a verdict can be audited.</summary>
/// <param name="Judge">The judge's model spec.</param>
/// <param name="Attempt">1 for the first question, 2 and up for the follow-ups after an unreadable reply.</param>
/// <param name="Messages">Everything sent, the rubric prompt included.</param>
/// <param name="Raw">The judge's reply as received; null when the call failed.</param>
/// <param name="Verdict">The label or rating read from it.</param>
/// <param name="Error">Why no verdict was read, or why the call failed.</param>
internal sealed record JudgeCall(string Judge, int Attempt, IReadOnlyList<PromptMessage> Messages, string? Raw, string? Verdict, double? Value, string? Error, bool Cached);
