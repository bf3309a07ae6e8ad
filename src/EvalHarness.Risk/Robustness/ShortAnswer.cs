namespace EvalHarness.Risk.Robustness;

/// <summary>What the consistency scorer read as a short answer.</summary>
/// <param name="Answer">The comparison form: the first target (normalised) when any target was found, the number for numeric items, else the cleaned answer text.</param>
/// <param name="Span">The part of the output the answer was read from.</param>
internal sealed record ShortAnswer(string Answer, bool Correct, string Span);
