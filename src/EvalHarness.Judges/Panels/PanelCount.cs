namespace EvalHarness.Judges.Panels;

/// <summary>How many judges gave one verdict: a label (labels rubrics) or a rating (scales, with a null label).</summary>
public sealed record PanelCount(string? Label, double Value, int Count);
