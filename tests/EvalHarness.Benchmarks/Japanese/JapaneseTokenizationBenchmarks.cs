using BenchmarkDotNet.Attributes;
using EvalHarness.Japanese.MeCab;
using EvalHarness.Japanese.Tokenization;
using EvalHarness.Scorers.Tokenization;

namespace EvalHarness.Benchmarks.Japanese;

/// <summary>Tokenisation of both sides of a Japanese pair (~30 characters each); every figure is per pair.</summary>
[MemoryDiagnoser]
public class JapaneseTokenizationBenchmarks
{
    private (string Hypothesis, string Reference)[] _pairs = [];
    private JaMecabTokenizer _mecab = null!;

    [GlobalSetup]
    public void Setup()
    {
        _pairs = JapanesePairs.Generate();
        _mecab = JaMecabTokenizer.Default;
    }

    /// <summary>sacreBLEU's ja-mecab: MeCab's surfaces (<c>-Owakati</c>), as BLEU-ja and ROUGE-ja use them.</summary>
    [Benchmark(OperationsPerInvoke = JapanesePairs.Count)]
    public int JaMecab()
    {
        var tokens = 0;
        foreach (var (hypothesis, reference) in _pairs)
        {
            tokens += _mecab.Tokenize(hypothesis).Count + _mecab.Tokenize(reference).Count;
        }

        return tokens;
    }

    /// <summary>Morphemes with their IPAdic features, as register_consistency reads them.</summary>
    [Benchmark(OperationsPerInvoke = JapanesePairs.Count)]
    public int MeCabWithFeatures()
    {
        var tokens = 0;
        foreach (var (hypothesis, reference) in _pairs)
        {
            tokens += MeCabTagger.Default.Tokenize(hypothesis).Count + MeCabTagger.Default.Tokenize(reference).Count;
        }

        return tokens;
    }

    /// <summary>sacreBLEU's 13a (the tokenizer BLEU uses for other languages) on the same Japanese text.</summary>
    [Benchmark(OperationsPerInvoke = JapanesePairs.Count)]
    public int Thirteen()
    {
        var tokens = 0;
        foreach (var (hypothesis, reference) in _pairs)
        {
            tokens += Tokenizer13a.Instance.Tokenize(hypothesis).Count + Tokenizer13a.Instance.Tokenize(reference).Count;
        }

        return tokens;
    }
}
