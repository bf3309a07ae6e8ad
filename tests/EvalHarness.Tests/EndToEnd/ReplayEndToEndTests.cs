using EvalHarness.Cli;
using EvalHarness.Logs;
using EvalHarness.Results;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.EndToEnd;

/// <summary>The bundled smoke suite scored from recordings, as `./run.sh` does without a model.</summary>
[TestFixture]
public sealed class ReplayEndToEndTests
{
    [Test]
    public async Task The_smoke_suite_scores_its_demo_recordings_as_expected()
    {
        using var dir = new TempDirectory();
        var output = dir.Combine("run");

        var run = await CliRun.InvokeAsync(["run", "smoke", "--model", "demo", "--out", output]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.All);
        var results = ResultsFile.Read(Path.Combine(output, "results.json"));
        var suite = results.Suites.Single();
        Assert.That(suite.Counts.Samples, Is.EqualTo(24));
        Assert.That(suite.Counts.Scored, Is.EqualTo(24));

        // The recordings contain three deliberate mistakes: en-mc-04, ja-fact-02 and ja-read-01.
        var values = suite.Metrics.ToDictionary(m => m.Scorer, m => (m.Value, m.N));
        Assert.That(values["choice"], Is.EqualTo((7 / 8.0, 8)));
        Assert.That(values["numeric"], Is.EqualTo((9 / 10.0, 10)));
        Assert.That(values["includes"], Is.EqualTo((4 / 5.0, 5)));
        Assert.That(values["exact"], Is.EqualTo((1.0, 1)));
        Assert.That(suite.Groups.Where(g => g.Key == "language").Select(g => g.Value), Is.EqualTo(new[] { "en", "ja" }));

        var log = RunLogReader.Read(Path.Combine(output, "log.jsonl"));
        var wrong = log.Samples.Where(s => s.Scores!.Values.Any(v => v.Value == 0)).Select(s => s.Id).Order();
        Assert.That(wrong, Is.EqualTo(new[] { "en-mc-04", "ja-fact-02", "ja-read-01" }));
    }

    [Test]
    public async Task A_sample_missing_from_the_recordings_is_an_error_not_a_skip()
    {
        using var dir = new TempDirectory();
        var smokeData = File.ReadAllLines(Path.Combine(RepoPaths.Suites, "smoke", "demo.jsonl"));
        var partial = dir.File("partial.jsonl", string.Join('\n', smokeData.Where(l => !l.Contains("\"ja-num-03\"", StringComparison.Ordinal))) + "\n");
        var output = dir.Combine("run");

        var run = await CliRun.InvokeAsync(["run", "smoke", "--model", "replay:" + partial, "--out", output]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.All);
        var log = RunLogReader.Read(Path.Combine(output, "log.jsonl"));
        var missing = log.Samples.Single(s => s.Id == "ja-num-03");
        Assert.That(missing.Error!.Message, Does.Contain("no recorded output for sample 'ja-num-03'"));
        var results = ResultsFile.Read(Path.Combine(output, "results.json"));
        Assert.That(results.Counts.Errored, Is.EqualTo(1));
        Assert.That(results.Suites.Single().Metrics.Single(m => m.Scorer == "numeric").N, Is.EqualTo(9));
        Assert.That(results.Model.Label, Is.EqualTo("recorded responses, not a live model"));
    }
}
