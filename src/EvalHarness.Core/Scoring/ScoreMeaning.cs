using EvalHarness.Metrics;

namespace EvalHarness.Scoring;

/// <summary>What a scorer's values mean: their kind, which way is better, and their bounds (intervals are clipped to them).</summary>
public sealed record ScoreMeaning(ScoreKind Kind, ScoreDirection Direction, ValueRange? Range)
{
    /// <summary>1 = pass, 0 = fail.</summary>
    public static ScoreMeaning PassFail { get; } = new(ScoreKind.PassFail, ScoreDirection.HigherIsBetter, ValueRange.Unit);

    public static ScoreMeaning Graded(ValueRange? range, ScoreDirection direction = ScoreDirection.HigherIsBetter) => new(ScoreKind.Graded, direction, range);

    /// <summary>A count: never negative, no upper bound.</summary>
    // double.MaxValue rather than infinity: the bound is written into the run log's header, and JSON has no infinity.
    public static ScoreMeaning Count(ScoreDirection direction = ScoreDirection.LowerIsBetter) => new(ScoreKind.Count, direction, new ValueRange(0, double.MaxValue));
}
