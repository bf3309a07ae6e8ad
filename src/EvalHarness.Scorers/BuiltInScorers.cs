using EvalHarness.Metrics;
using EvalHarness.Scorers.Choice;
using EvalHarness.Scorers.Japanese;
using EvalHarness.Scorers.Match;
using EvalHarness.Scorers.Numeric;
using EvalHarness.Scoring;

namespace EvalHarness.Scorers;

/// <summary>The catalogue of scorers that ship with the harness.</summary>
public static class BuiltInScorers
{
    public static IReadOnlyList<IScorerFactory> Factories { get; } =
    [
        ExactScorer.Factory,
        IncludesScorer.Factory,
        PatternScorer.Factory,
        ChoiceScorer.Factory,
        NumericScorer.Factory,
        .. SimilarityScorers.Factories,
        .. QaScorers.Factories,
        .. QualityScorers.Factories,
    ];

    /// <summary>Corpus-level metrics that only make sense with the built-in scorers above (corpus BLEU, chrF).</summary>
    public static IReadOnlyList<IMetric> Metrics => SimilarityScorers.Metrics;

    public static ScorerCatalog Catalog { get; } = new(Factories);
}
