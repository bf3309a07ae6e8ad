using BenchmarkDotNet.Attributes;
using EvalHarness.Japanese.Quality;
using EvalHarness.Scoring;

namespace EvalHarness.Benchmarks.Japanese;

/// <summary>
/// The Japanese quality scorers on the outputs of Japanese pairs (the prompt asks for at most 40
/// characters, which instruction_compliance reads); every figure is per pair, i.e. per output.
/// </summary>
[MemoryDiagnoser]
public class JapaneseQualityBenchmarks
{
    private ScoreInput[] _inputs = [];
    private IScorer _languageFidelity = null!;
    private IScorer _scriptSanity = null!;
    private IScorer _registerConsistency = null!;
    private IScorer _instructionCompliance = null!;

    [GlobalSetup]
    public void Setup()
    {
        _inputs = JapaneseScoring.Inputs(JapanesePairs.Generate());
        _languageFidelity = JapaneseScoring.Create(LanguageFidelityScorer.Factory);
        _scriptSanity = JapaneseScoring.Create(ScriptSanityScorer.Factory);
        _registerConsistency = JapaneseScoring.Create(RegisterConsistencyScorer.Factory);
        _instructionCompliance = JapaneseScoring.Create(InstructionComplianceScorer.Factory);
    }

    [Benchmark(OperationsPerInvoke = JapanesePairs.Count)]
    public double LanguageFidelity() => JapaneseScoring.ScoreAll(_languageFidelity, _inputs);

    [Benchmark(OperationsPerInvoke = JapanesePairs.Count)]
    public double ScriptSanity() => JapaneseScoring.ScoreAll(_scriptSanity, _inputs);

    /// <summary>MeCab with features over the output, then the sentence-final predicates classified.</summary>
    [Benchmark(OperationsPerInvoke = JapanesePairs.Count)]
    public double RegisterConsistency() => JapaneseScoring.ScoreAll(_registerConsistency, _inputs);

    /// <summary>The prompt's constraints detected (regular expressions), then checked against the output.</summary>
    [Benchmark(OperationsPerInvoke = JapanesePairs.Count)]
    public double InstructionCompliance() => JapaneseScoring.ScoreAll(_instructionCompliance, _inputs);
}
