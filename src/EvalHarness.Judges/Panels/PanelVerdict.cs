namespace EvalHarness.Judges.Panels;

/// <summary>A panel's combined verdict, or why there is none, with what each judge said.</summary>
/// <param name="Value">The combined value; null exactly when <paramref name="Error"/> is set.</param>
/// <param name="Label">The combined label when it is one of the rubric's labels (never for <see cref="PanelVote.Mean"/>
/// unless every judge agreed).</param>
/// <param name="Counts">Valid verdicts per label (in the rubric's order) or per rating (ascending); only verdicts
/// that were given appear.</param>
/// <param name="Valid">Judges whose verdict was read.</param>
/// <param name="Failed">Judges whose answer had no usable verdict: they are left out of the vote.</param>
public sealed record PanelVerdict(double? Value, string? Label, string? Error, IReadOnlyList<PanelCount> Counts, int Valid, int Failed)
{
    public bool IsValid => Error is null;
}
