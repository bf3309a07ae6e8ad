using BenchmarkDotNet.Attributes;
using EvalHarness.Metrics;
using EvalHarness.Scorers.Similarity.Bleu;
using EvalHarness.Japanese.Tokenization;
using EvalHarness.Scorers.Tokenization;
using EvalHarness.Scoring;

namespace EvalHarness.Benchmarks.Japanese;

/// <summary>
/// BLEU on Japanese pairs, MeCab tokenisation of hypothesis and reference included; every figure is per
/// pair. Target (issue 5): sentence BLEU-ja at 20,000 pairs per second per core or more, i.e. at most
/// 50 µs per pair.
/// </summary>
[MemoryDiagnoser]
public class JapaneseBleuBenchmarks
{
    private (string Hypothesis, string Reference)[] _pairs = [];
    private string[] _hypotheses = [];
    private string[] _references = [];
    private ScoreInput[] _inputs = [];
    private IScorer _bleu = null!;
    private MetricInput _corpus = null!;
    private JaMecabTokenizer _mecab = null!;

    [GlobalSetup]
    public void Setup()
    {
        _pairs = JapanesePairs.Generate();
        _hypotheses = [.. _pairs.Select(p => p.Hypothesis)];
        _references = [.. _pairs.Select(p => p.Reference)];
        _mecab = JaMecabTokenizer.Default;
        _inputs = JapaneseScoring.Inputs(_pairs);
        _bleu = JapaneseScoring.Create(BleuScorer.Factory);
        _corpus = JapaneseScoring.MetricInput(_bleu, _inputs);
    }

    /// <summary>The target's measure: sacreBLEU's <c>sentence_score</c> with ja-mecab (tokenise both sides, count, score).</summary>
    [Benchmark(OperationsPerInvoke = JapanesePairs.Count)]
    public double SentenceBleuJa()
    {
        var sum = 0.0;
        foreach (var (hypothesis, reference) in _pairs)
        {
            sum += SacreBleu.SentenceScore(hypothesis, [reference], _mecab).Score;
        }

        return sum;
    }

    /// <summary>The <c>bleu</c> scorer as a run calls it: BLEU-ja plus the explanation and the statistics in JSON metadata.</summary>
    [Benchmark(OperationsPerInvoke = JapanesePairs.Count)]
    public double BleuScorerJa() => JapaneseScoring.ScoreAll(_bleu, _inputs);

    /// <summary>sacreBLEU's <c>corpus_score</c> over the 1,000 pairs, tokenisation included.</summary>
    [Benchmark(OperationsPerInvoke = JapanesePairs.Count)]
    public double CorpusScoreJa() => SacreBleu.CorpusScore(_hypotheses, _references, _mecab).Score;

    /// <summary>The <c>corpus_bleu</c> metric over 1,000 scored samples: statistics read back from metadata, 1,000 bootstrap resamples.</summary>
    [Benchmark(OperationsPerInvoke = JapanesePairs.Count)]
    public double CorpusBleu() => CorpusBleuMetric.Default.Compute(_corpus).Value ?? 0;
}
