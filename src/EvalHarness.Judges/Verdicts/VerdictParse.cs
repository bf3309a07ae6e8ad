namespace EvalHarness.Judges.Verdicts;

/// <summary>What one judge's answer said: a verdict value, or why none could be read. Exactly one of
/// <see cref="Value"/> and <see cref="Error"/> is set.</summary>
/// <param name="Value">The verdict's numeric value (a label's declared value, or the rating itself).</param>
/// <param name="Label">The label as the rubric declares it; null for a scale.</param>
/// <param name="Error">Why no verdict was read, quoting at most about 80 characters of the judge's text as
/// written (unescaped: whoever displays it escapes it).</param>
public sealed record VerdictParse(double? Value, string? Label, string? Error)
{
    public bool IsValid => Error is null;

    public static VerdictParse Of(double value, string? label = null) => new(value, label, null);

    public static VerdictParse Failed(string error) => new(null, null, error);
}
