namespace EvalHarness.Scorers.Similarity.Rouge;

/// <summary>
/// One ROUGE result in rouge-score's terms (precision, recall, F-measure in [0, 1]) with the counts
/// behind it: for ROUGE-N the clipped n-gram overlap and both sides' n-gram counts, for ROUGE-L the
/// LCS length and both sides' token counts.
/// </summary>
public sealed record RougeScore(double Precision, double Recall, double FMeasure, long Matches, long HypothesisCount, long ReferenceCount);
