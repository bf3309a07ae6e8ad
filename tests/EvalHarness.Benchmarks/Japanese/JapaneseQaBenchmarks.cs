using BenchmarkDotNet.Attributes;
using EvalHarness.Japanese.Qa;
using EvalHarness.Scoring;

namespace EvalHarness.Benchmarks.Japanese;

/// <summary>The llm-jp-eval QA scorers on Japanese pairs (output against target); every figure is per pair.</summary>
[MemoryDiagnoser]
public class JapaneseQaBenchmarks
{
    private ScoreInput[] _inputs = [];
    private IScorer _charF1 = null!;
    private IScorer _charF1Squad = null!;
    private IScorer _setF1 = null!;
    private IScorer _exactMatch = null!;

    [GlobalSetup]
    public void Setup()
    {
        _inputs = JapaneseScoring.Inputs(JapanesePairs.Generate());
        _charF1 = JapaneseScoring.Create(CharF1Scorer.Factory);
        _charF1Squad = JapaneseScoring.Create(CharF1SquadScorer.Factory);
        _setF1 = JapaneseScoring.Create(SetF1Scorer.Factory);
        _exactMatch = JapaneseScoring.Create(LlmJpExactMatchScorer.Factory);
    }

    /// <summary><c>char_f1</c>: fuzzywuzzy token_sort_ratio of NFKC(output) and the target.</summary>
    [Benchmark(OperationsPerInvoke = JapanesePairs.Count)]
    public double CharF1() => JapaneseScoring.ScoreAll(_charF1, _inputs);

    [Benchmark(OperationsPerInvoke = JapanesePairs.Count)]
    public double CharF1Squad() => JapaneseScoring.ScoreAll(_charF1Squad, _inputs);

    [Benchmark(OperationsPerInvoke = JapanesePairs.Count)]
    public double SetF1() => JapaneseScoring.ScoreAll(_setF1, _inputs);

    [Benchmark(OperationsPerInvoke = JapanesePairs.Count)]
    public double ExactMatch() => JapaneseScoring.ScoreAll(_exactMatch, _inputs);
}
