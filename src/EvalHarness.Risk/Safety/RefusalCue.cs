namespace EvalHarness.Risk.Safety;

/// <summary>One phrase the detector found: its kind, the matched text, its character offset in the answer and the cue list's language.</summary>
internal sealed record RefusalCue(RefusalCueKind Kind, string Phrase, int Position, string Language);
