namespace EvalHarness.Logs;

/// <summary>One turn of a multi-turn conversation: the user's question and the answer it got.</summary>
public sealed record TurnRecord(int Turn, string Prompt, string Output, string? FinishReason);
