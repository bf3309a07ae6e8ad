namespace EvalHarness.Logs;

/// <summary>Where one record's line lies in <c>log.jsonl</c>: its first byte and its length, the newline included.</summary>
public readonly record struct LogLine(long Offset, int Length);
