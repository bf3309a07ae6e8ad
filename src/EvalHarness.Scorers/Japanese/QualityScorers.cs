using EvalHarness.Scorers.Japanese.Quality;
using EvalHarness.Scoring;

namespace EvalHarness.Scorers.Japanese;

/// <summary>
/// Deterministic quality checks for Japanese answers: language fidelity, broken text, register
/// consistency, instruction compliance and keigo. See docs/japanese-quality.md.
/// </summary>
public static class QualityScorers
{
    public static IReadOnlyList<IScorerFactory> Factories { get; } =
    [
        LanguageFidelityScorer.Factory,
        ScriptSanityScorer.Factory,
        RegisterConsistencyScorer.Factory,
        InstructionComplianceScorer.Factory,
        KeigoScorer.Factory,
    ];
}
