namespace EvalHarness.Judges.Calibration;

/// <summary>What the judge said about one labelled item: a verdict among the rubric's categories, or why there is none.</summary>
/// <param name="JudgeLabel">The judge's verdict as a category; null exactly when <paramref name="JudgeError"/> is set.</param>
/// <param name="JudgeError">Why the judge gave no usable verdict: such an item is neither a match nor a mismatch.</param>
public sealed record ItemOutcome(LabelledItem Item, string? JudgeLabel, string? JudgeError)
{
    public bool Judged => JudgeLabel is not null;

    /// <summary>The judge gave the human's label.</summary>
    public bool Agrees => JudgeLabel is not null && string.Equals(JudgeLabel, Item.Label, StringComparison.Ordinal);
}
