using EvalHarness.Metrics;
using EvalHarness.Scorers.Japanese.Bleu;
using EvalHarness.Scorers.Japanese.ChrF;
using EvalHarness.Scorers.Japanese.Rouge;
using EvalHarness.Scoring;

namespace EvalHarness.Scorers.Japanese;

/// <summary>
/// Reference-similarity scorers (sacreBLEU's BLEU and chrF, rouge-score's ROUGE; MeCab tokens for
/// Japanese) and the corpus metrics that go with them. The host adds <see cref="Factories"/> to its
/// scorer catalogue and <see cref="Metrics"/> to its metric catalogue.
/// </summary>
public static class SimilarityScorers
{
    public static IReadOnlyList<IScorerFactory> Factories { get; } = [BleuScorer.Factory, ChrFScorer.Factory, RougeScorer.Factory];

    public static IReadOnlyList<IMetric> Metrics { get; } = [CorpusBleuMetric.Default, CorpusChrFMetric.Default];
}
