namespace EvalHarness.Japanese.Qa;

/// <summary>llm-jp-eval's <c>set_f1</c> with its counts.</summary>
/// <param name="PredictedItems">Distinct stripped prediction lines (an empty line counts as the item "").</param>
/// <param name="ExpectedItems">Stripped reference lines, duplicates and empty lines included.</param>
/// <param name="Matched">Distinct prediction lines that occur among the reference lines.</param>
/// <param name="Precision">Matched / predicted items.</param>
/// <param name="Recall">Matched / expected items.</param>
/// <param name="F1">2PR / (P + R), or 0 when P + R is 0.</param>
public sealed record SetF1Result(int PredictedItems, int ExpectedItems, int Matched, double Precision, double Recall, double F1);
