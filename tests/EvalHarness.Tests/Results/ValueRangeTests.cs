using EvalHarness.Cli;
using EvalHarness.Logs;
using EvalHarness.Results;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Results;

/// <summary>Intervals in results.json stay on each scorer's scale, which the log records with the scorer.</summary>
[TestFixture]
public sealed class ValueRangeTests
{
    [Test]
    public async Task Every_interval_of_the_japanese_quality_demo_lies_on_its_scorers_scale()
    {
        using var dir = new TempDirectory();
        var run = await CliRun.InvokeAsync(["run", "japanese-quality", "--model", "demo", "--out", dir.Combine("run")]);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.All);

        var log = RunLogReader.Read(dir.Combine("run", "log.jsonl"));
        var results = ResultsFile.Read(dir.Combine("run", "results.json"));
        var suite = results.Suites.Single();
        var ranges = log.Header.Suites.Single().Scorers.ToDictionary(s => s.Id, s => s.Range);
        Assert.That(ranges.Values, Has.All.Not.Null, "every built-in scorer declares its scale");
        Assert.That(ranges["bleu_en_ja"]!.Max, Is.EqualTo(100));

        var metrics = suite.Metrics.Concat(suite.Groups.SelectMany(g => g.Metrics)).Where(m => m.CiLow is not null).ToList();
        Assert.That(metrics, Is.Not.Empty);
        foreach (var m in metrics)
        {
            var range = ranges[m.Scorer]!;
            Assert.That(m.CiLow, Is.GreaterThanOrEqualTo(range.Min), $"{m.Scorer} {m.Metric}");
            Assert.That(m.CiHigh, Is.LessThanOrEqualTo(range.Max), $"{m.Scorer} {m.Metric}");
        }
    }
}
