namespace EvalHarness.Metrics;

/// <summary>
/// The bounds every value of a scorer lies within. A t interval knows nothing of bounds and, with few
/// samples near a limit, reaches past it (a char_f1 mean of 0.95 with a high of 1.08); such an interval
/// is clipped, since no true mean can lie outside the scale.
/// </summary>
public sealed record ValueRange(double Min, double Max)
{
    public static ValueRange Unit { get; } = new(0, 1);

    public static ValueRange Percent { get; } = new(0, 100);

    /// <summary>The interval cut to these bounds; unchanged when the estimate itself lies outside them (values off the declared scale).</summary>
    public ConfidenceInterval? Clip(ConfidenceInterval? interval, double estimate) =>
        interval is null || estimate < Min || estimate > Max
            ? interval
            : interval with { Low = Math.Max(Min, interval.Low), High = Math.Min(Max, interval.High) };
}
