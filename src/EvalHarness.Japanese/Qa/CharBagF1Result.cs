namespace EvalHarness.Japanese.Qa;

/// <summary>Bag-of-characters F1 with its counts.</summary>
/// <param name="PredictionChars">Code points of the prediction after NFKC, whitespace dropped.</param>
/// <param name="ReferenceChars">Code points of the reference, the same way.</param>
/// <param name="Common">Size of the multiset intersection.</param>
/// <param name="Precision">Common / prediction chars; null when either side is empty.</param>
/// <param name="Recall">Common / reference chars; null when either side is empty.</param>
/// <param name="F1">Harmonic mean; 1 when both sides are empty, 0 when one is or nothing is shared.</param>
public sealed record CharBagF1Result(int PredictionChars, int ReferenceChars, int Common, double? Precision, double? Recall, double F1);
