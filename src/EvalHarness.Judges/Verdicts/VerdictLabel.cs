namespace EvalHarness.Judges.Verdicts;

/// <summary>One verdict a labels rubric allows (<c>C</c>, <c>REFUSAL</c>) and the score it stands for.</summary>
public sealed record VerdictLabel(string Name, double Value);
