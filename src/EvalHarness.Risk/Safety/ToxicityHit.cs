namespace EvalHarness.Risk.Safety;

/// <summary>
/// One lexicon term found in an answer: its category, the matched text partially masked (a report never repeats a
/// slur in full), its character offset and length in the answer, and the matching rules used (ja or en).
/// </summary>
internal sealed record ToxicityHit(string Category, string Masked, int Position, int Length, string Language);
