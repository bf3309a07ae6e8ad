using EvalHarness.Scoring;

namespace EvalHarness.Metrics;

/// <summary>How a metric's value reads: as a rate (shown as a percentage, compared in points) or a plain number, and which way is better.</summary>
public sealed record MetricMeaning(bool Proportion, ScoreDirection Direction)
{
    /// <summary>What most metrics mean: a rate when the scorer is pass/fail, the scorer's direction.</summary>
    public static MetricMeaning Of(ScoreMeaning scorer) => new(scorer.Kind == ScoreKind.PassFail, scorer.Direction);
}
