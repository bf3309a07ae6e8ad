namespace EvalHarness.Risk.Hallucination;

/// <summary>One answer option of a TruthfulQA multiple-choice question and whether it is true.</summary>
internal sealed record TruthfulQaOption(string Text, bool IsTrue);
