using EvalHarness.Scorers.Japanese.Qa;
using EvalHarness.Scoring;

namespace EvalHarness.Scorers.Japanese;

/// <summary>
/// The scorers of Japanese QA benchmarks as llm-jp-eval defines them (char_f1, set_f1, exact_match), plus
/// a SQuAD-style character F1. A separate catalogue so a host can add them to <see cref="BuiltInScorers"/>.
/// </summary>
public static class QaScorers
{
    public static IReadOnlyList<IScorerFactory> Factories { get; } =
    [
        CharF1Scorer.Factory,
        CharF1SquadScorer.Factory,
        SetF1Scorer.Factory,
        LlmJpExactMatchScorer.Factory,
    ];
}
