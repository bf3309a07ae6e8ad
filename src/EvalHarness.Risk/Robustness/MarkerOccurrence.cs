namespace EvalHarness.Risk.Robustness;

/// <summary>One place a marker occurs in the normalised answer, and what the sentence around it does with it.</summary>
/// <param name="Cue">The reporting phrase that made it <see cref="MarkerUse.Reported"/>, when it did.</param>
internal sealed record MarkerOccurrence(string Marker, string Text, int Index, MarkerUse Use, string Sentence, string? Cue);
