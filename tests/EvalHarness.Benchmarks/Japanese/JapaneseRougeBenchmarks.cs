using BenchmarkDotNet.Attributes;
using EvalHarness.Scorers.Similarity.Rouge;
using EvalHarness.Scoring;

namespace EvalHarness.Benchmarks.Japanese;

/// <summary>The <c>rouge</c> scorer on Japanese pairs, MeCab tokenisation of both sides included; every figure is per pair.</summary>
[MemoryDiagnoser]
public class JapaneseRougeBenchmarks
{
    private ScoreInput[] _inputs = [];
    private IScorer _rouge1 = null!;
    private IScorer _rouge2 = null!;
    private IScorer _rougeL = null!;

    [GlobalSetup]
    public void Setup()
    {
        _inputs = JapaneseScoring.Inputs(JapanesePairs.Generate());
        _rouge1 = JapaneseScoring.Create(RougeScorer.Factory, """{"variant": "rouge1"}""");
        _rouge2 = JapaneseScoring.Create(RougeScorer.Factory, """{"variant": "rouge2"}""");
        _rougeL = JapaneseScoring.Create(RougeScorer.Factory, """{"variant": "rougeL"}""");
    }

    [Benchmark(OperationsPerInvoke = JapanesePairs.Count)]
    public double Rouge1Ja() => JapaneseScoring.ScoreAll(_rouge1, _inputs);

    [Benchmark(OperationsPerInvoke = JapanesePairs.Count)]
    public double Rouge2Ja() => JapaneseScoring.ScoreAll(_rouge2, _inputs);

    [Benchmark(OperationsPerInvoke = JapanesePairs.Count)]
    public double RougeLJa() => JapaneseScoring.ScoreAll(_rougeL, _inputs);
}
