using BenchmarkDotNet.Attributes;
using EvalHarness.Suites;
using EvalHarness.Scorers.Choice;
using EvalHarness.Scorers.Numeric;

namespace EvalHarness.Benchmarks;

/// <summary>Per-output cost of the answer extractors, which run once per sample and epoch.</summary>
[MemoryDiagnoser]
public class ScorerBenchmarks
{
    private static readonly string[] Choices = ["富士山", "北岳", "奥穂高岳", "槍ヶ岳"];
    private const string ChoiceOutput = "日本で一番高い山は富士山で、標高は3776メートルです。北岳は二番目です。\n答え：A";
    private const string NumericOutput = "りんごは1個120円なので、5個では120円×5個＝600円になります。合計は600円です。";

    [Benchmark]
    public ChoiceAnswer? Choice() => ChoiceExtractor.Extract(ChoiceOutput, Choices);

    [Benchmark]
    public (double, string)? Numeric() => NumberExtractor.Extract(NumericOutput);

    [Benchmark]
    public string Labels() => ChoiceLabels.LetterList(Choices.Length);
}
