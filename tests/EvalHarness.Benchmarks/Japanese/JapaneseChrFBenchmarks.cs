using BenchmarkDotNet.Attributes;
using EvalHarness.Metrics;
using EvalHarness.Scorers.Similarity.ChrF;
using EvalHarness.Scoring;

namespace EvalHarness.Benchmarks.Japanese;

/// <summary>chrF and chrF++ on Japanese pairs (characters need no tokenizer); every figure is per pair.</summary>
[MemoryDiagnoser]
public class JapaneseChrFBenchmarks
{
    private (string Hypothesis, string Reference)[] _pairs = [];
    private ScoreInput[] _inputs = [];
    private IScorer _chrF = null!;
    private IScorer _chrFPlusPlus = null!;
    private MetricInput _corpus = null!;

    [GlobalSetup]
    public void Setup()
    {
        _pairs = JapanesePairs.Generate();
        _inputs = JapaneseScoring.Inputs(_pairs);
        _chrF = JapaneseScoring.Create(ChrFScorer.Factory);
        _chrFPlusPlus = JapaneseScoring.Create(ChrFScorer.Factory, """{"word_order": 2}""");
        _corpus = JapaneseScoring.MetricInput(_chrFPlusPlus, _inputs);
    }

    /// <summary>sacreBLEU's <c>CHRF().sentence_score</c> alone.</summary>
    [Benchmark(OperationsPerInvoke = JapanesePairs.Count)]
    public double SentenceChrF()
    {
        var sum = 0.0;
        foreach (var (hypothesis, reference) in _pairs)
        {
            sum += SacreChrF.SentenceScore(hypothesis, [reference]);
        }

        return sum;
    }

    /// <summary>The <c>chrf</c> scorer (word_order 0): score, explanation and statistics in JSON metadata.</summary>
    [Benchmark(OperationsPerInvoke = JapanesePairs.Count)]
    public double ChrFScorerJa() => JapaneseScoring.ScoreAll(_chrF, _inputs);

    /// <summary>The <c>chrf</c> scorer with word_order 2 (chrF++).</summary>
    [Benchmark(OperationsPerInvoke = JapanesePairs.Count)]
    public double ChrFPlusPlusScorerJa() => JapaneseScoring.ScoreAll(_chrFPlusPlus, _inputs);

    /// <summary>The <c>corpus_chrf</c> metric (chrF++) over 1,000 scored samples, 1,000 bootstrap resamples.</summary>
    [Benchmark(OperationsPerInvoke = JapanesePairs.Count)]
    public double CorpusChrF() => CorpusChrFMetric.Default.Compute(_corpus).Value ?? 0;
}
