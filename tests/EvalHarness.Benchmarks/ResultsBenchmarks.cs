using BenchmarkDotNet.Attributes;
using EvalHarness.Infrastructure;
using EvalHarness.Logs;
using EvalHarness.Metrics;
using EvalHarness.Suites;
using EvalHarness.Results;
using EvalHarness.Scoring;
using EvalHarness.Models;
using EvalHarness.Extensions;

namespace EvalHarness.Benchmarks;

/// <summary>Deriving results.json from a large log: done at the end of every run and by `evalh report`.</summary>
[MemoryDiagnoser]
public class ResultsBenchmarks
{
    private RunLog _log = null!;

    [Params(10_000, 100_000)]
    public int Samples { get; set; }

    /// <summary>accuracy alone (Wilson), or with the percentile bootstrap, whose cost grows with 2000 × n per group.</summary>
    [Params("accuracy", "accuracy+mean_bootstrap")]
    public string Metrics { get; set; } = "accuracy";

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        var records = new List<SampleRecord>(Samples);
        for (var i = 0; i < Samples; i++)
        {
            records.Add(new SampleRecord
            {
                Suite = "s",
                Id = "q" + i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture),
                Epoch = 1,
                Input = [new PromptMessage("user", "question")],
                Output = "answer",
                Metadata = new Dictionary<string, string> { ["category"] = "c" + (i % 12).ToString(System.Globalization.CultureInfo.InvariantCulture), ["language"] = i % 2 == 0 ? "ja" : "en" },
                Scores = new Dictionary<string, Score> { ["exact"] = new() { Value = random.Next(2) } },
            });
        }

        _log = new RunLog
        {
            Header = new LogHeader
            {
                RunId = "bench",
                Harness = HarnessInfo.Current,
                Started = DateTimeOffset.UnixEpoch,
                Model = new ModelInfo("mock", "mock", null, null, false, "bench"),
                Settings = new RunSettings(),
                Suites =
                [
                    new SuiteHeader
                    {
                        Name = "s",
                        Language = "en",
                        Path = "s",
                        Files = [],
                        Samples = Samples,
                        Epochs = EpochSettings.Default,
                        Generate = GenerationSettings.Empty,
                        Solver = [],
                        Scorers = [new ScorerHeader("exact", "exact", [], Metrics.Split('+'))],
                        GroupBy = ["category", "language"],
                    },
                ],
            },
            Samples = records,
        };
    }

    [Benchmark]
    public RunResults Build() => new ResultsBuilder(EvalCatalog.Core).Build(_log);
}
