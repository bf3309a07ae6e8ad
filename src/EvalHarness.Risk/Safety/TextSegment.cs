namespace EvalHarness.Risk.Safety;

/// <summary>One sentence or line of an answer, trimmed, with the offset of its first character in the answer.</summary>
internal sealed record TextSegment(int Start, string Content);
