using EvalHarness.Extensions;
using EvalHarness.Scorers.Choice;
using EvalHarness.Scorers.Match;
using EvalHarness.Scorers.Numeric;
using EvalHarness.Scorers.Similarity.Bleu;
using EvalHarness.Scorers.Similarity.ChrF;
using EvalHarness.Scorers.Similarity.Rouge;
using EvalHarness.Scorers.Tokenization;

namespace EvalHarness.Scorers;

/// <summary>
/// The language-neutral scorers: exact, includes, pattern, choice, numeric, and the reference-similarity
/// scorers BLEU, chrF and ROUGE with their corpus metrics and the tokenizers sacreBLEU and rouge-score use
/// by default. Languages bring their own tokenizers (the Japanese pack registers <c>ja-mecab</c>).
/// </summary>
public sealed class ScorersPack : IEvalPack
{
    public static ScorersPack Default { get; } = new();

    public string Name => "scorers";

    public void Register(EvalBuilder builder) => builder
        .AddScorer(ExactScorer.Factory)
        .AddScorer(IncludesScorer.Factory)
        .AddScorer(PatternScorer.Factory)
        .AddScorer(ChoiceScorer.Factory)
        .AddScorer(NumericScorer.Factory)
        .AddScorer(BleuScorer.Factory)
        .AddScorer(ChrFScorer.Factory)
        .AddScorer(RougeScorer.Factory)
        .AddMetric(CorpusBleuMetric.Default)
        .AddMetric(CorpusChrFMetric.Default)
        .AddTokenizer(Tokenizer13a.Instance)
        .AddTokenizer(WhitespaceTokenizer.Instance);
}
