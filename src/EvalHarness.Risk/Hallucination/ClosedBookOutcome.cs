namespace EvalHarness.Risk.Hallucination;

/// <summary>How a closed-book answer turned out. A hedged wrong answer is <see cref="Wrong"/>: it still answered.</summary>
internal enum ClosedBookOutcome
{
    Correct,
    Abstained,
    Wrong,
}
