using EvalHarness.Cli;
using EvalHarness.Engine;
using EvalHarness.Logs;
using EvalHarness.Results;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Reliability;

/// <summary>An unusable target stops the run early; error thresholds decide whether a run fails.</summary>
[TestFixture]
public sealed class AbortTests
{
    [Test]
    public async Task A_target_that_rejects_the_key_aborts_the_run_with_exit_code_3()
    {
        using var dir = new TempDirectory();
        await using var server = await FakeOpenAiServer.StartAsync(_ => FakeReply.Error(401, "invalid key") with { Delay = TimeSpan.FromMilliseconds(20) });
        var suite = SuiteFiles.Arithmetic(dir, 200);
        var output = dir.Combine("out");

        var run = await CliRun.InvokeAsync(
            ["run", suite, "--model", "openai/fake", "--base-url", server.BaseUrl.ToString(), "--out", output, "--max-connections", "2", "--no-cache"],
            new Dictionary<string, string> { ["OPENAI_API_KEY"] = Runs.Key });

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Aborted), run.All);
        Assert.That(run.Error, Does.Contain("run aborted: the first 5 samples all failed with the same error").And.Contain("check the API key in OPENAI_API_KEY"));
        Assert.That(server.Requests.Count, Is.LessThan(20), "the dataset was not failed one sample at a time");
        var log = RunLogReader.Read(Path.Combine(output, "log.jsonl"));
        Assert.That(log.Footer!.Status, Is.EqualTo(RunStatus.Aborted));
        Assert.That(ResultsFile.Read(Path.Combine(output, "results.json")).Status, Is.EqualTo(RunStatus.Aborted));
    }

    [Test]
    public async Task Identical_content_filter_refusals_do_not_abort_the_run()
    {
        using var dir = new TempDirectory();
        await using var server = await FakeOpenAiServer.StartAsync(r => Runs.Number(r) <= 6
            ? FakeReply.Error(400, "The response was filtered due to the prompt triggering content management policy")
            : FakeReply.Answer(Runs.Correct(r)));
        var suite = Runs.Load(SuiteFiles.Arithmetic(dir, 12));

        var outcome = await Runs.RunAsync(server, suite, new RunOptions { OutputDirectory = dir.Combine("out"), MaxConnections = 1, Resilience = Runs.FastRetries() });

        Assert.That(outcome.Log.Footer!.Status, Is.EqualTo(RunStatus.Completed));
        Assert.That(outcome.Results.Counts, Is.EqualTo(new ResultCounts(12, 6, 6, 0, 12, 6)));
    }

    [Test]
    public async Task Mixed_early_failures_do_not_abort_the_run()
    {
        using var dir = new TempDirectory();
        await using var server = await FakeOpenAiServer.StartAsync(r => Runs.Number(r) switch
        {
            1 or 3 or 5 => FakeReply.Error(404, "no such model"),
            2 or 4 => FakeReply.Error(400, "bad request"),
            _ => FakeReply.Answer(Runs.Correct(r)),
        });
        var suite = Runs.Load(SuiteFiles.Arithmetic(dir, 10));

        var outcome = await Runs.RunAsync(server, suite, new RunOptions { OutputDirectory = dir.Combine("out"), MaxConnections = 1, Resilience = Runs.FastRetries() });

        Assert.That(outcome.Log.Footer!.Status, Is.EqualTo(RunStatus.Completed));
        Assert.That(outcome.Log.Samples, Has.Count.EqualTo(10));
    }

    [TestCase(null, 0)]
    [TestCase("0", 3)]
    [TestCase("2", 0)]
    [TestCase("1", 3)]
    [TestCase("20%", 0)]
    [TestCase("0.1", 3)]
    public async Task Fail_on_error_decides_whether_errors_fail_the_run(string? threshold, int expectedExit)
    {
        using var dir = new TempDirectory();
        await using var server = await FakeOpenAiServer.StartAsync(r => Runs.Number(r) is 2 or 7 ? FakeReply.Error(400, "bad " + Runs.Number(r)) : FakeReply.Answer(Runs.Correct(r)));
        var suite = SuiteFiles.Arithmetic(dir, 10);
        string[] args = ["run", suite, "--model", "openai/fake", "--base-url", server.BaseUrl.ToString(), "--out", dir.Combine("out"), "--no-cache"];
        if (threshold is not null)
        {
            args = [.. args, "--fail-on-error", threshold];
        }

        var run = await CliRun.InvokeAsync(args, new Dictionary<string, string> { ["OPENAI_API_KEY"] = Runs.Key });

        Assert.That(run.ExitCode, Is.EqualTo(expectedExit), run.All);
        Assert.That(run.Error, expectedExit == 0 ? Does.Contain("2 of 10 samples errored and are left out of the metrics") : Does.Contain("more than --fail-on-error"));
    }

    [Test]
    public async Task A_run_where_every_sample_errored_fails_even_without_a_threshold()
    {
        using var dir = new TempDirectory();
        await using var server = await FakeOpenAiServer.StartAsync(r => FakeReply.Error(400, "bad " + Runs.Number(r)));
        var run = await CliRun.InvokeAsync(
            ["run", SuiteFiles.Arithmetic(dir, 3), "--model", "openai/fake", "--base-url", server.BaseUrl.ToString(), "--out", dir.Combine("out"), "--no-cache"],
            new Dictionary<string, string> { ["OPENAI_API_KEY"] = Runs.Key });
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Aborted), run.All);
        Assert.That(run.Error, Does.Contain("run failed: all 3 samples errored"));
        var results = ResultsFile.Read(Path.Combine(dir.Combine("out"), "results.json"));
        Assert.That((results.Status, results.Counts.Errored, results.Counts.Scored), Is.EqualTo((RunStatus.Completed, 3, 0)), "the errors are recorded, not lost");
    }

    [TestCase(null, 0)]
    [TestCase("0", 3)]
    public async Task A_sample_whose_retries_run_out_is_kept_and_counted_against_fail_on_error(string? threshold, int expectedExit)
    {
        using var dir = new TempDirectory();
        await using var server = await FakeOpenAiServer.StartAsync(r => Runs.Number(r) == 3 ? FakeReply.Reset() : FakeReply.Answer(Runs.Correct(r)));
        var output = dir.Combine("out");
        string[] args = ["run", SuiteFiles.Arithmetic(dir, 5), "--model", "openai/fake", "--base-url", server.BaseUrl.ToString(), "--out", output, "--no-cache", "--max-retries", "1", "--max-connections", "1"];
        if (threshold is not null)
        {
            args = [.. args, "--fail-on-error", threshold];
        }

        var run = await CliRun.InvokeAsync(args, new Dictionary<string, string> { ["OPENAI_API_KEY"] = Runs.Key });

        Assert.That(run.ExitCode, Is.EqualTo(expectedExit), run.All);
        Assert.That(run.Error, expectedExit == 0
            ? Does.Contain("warning: 1 of 5 samples errored and are left out of the metrics")
            : Does.Contain("run failed: 1 of 5 samples errored, more than --fail-on-error 0 allows"));
        var failed = RunLogReader.Read(Path.Combine(output, "log.jsonl")).Samples.Single(s => s.Id == "q0003");
        Assert.That(failed.Attempts, Is.EqualTo(2));
        Assert.That(failed.Error!.Message, Does.Contain("cannot reach").And.Contain("gave up after 2 attempts"));
        var results = ResultsFile.Read(Path.Combine(output, "results.json"));
        Assert.That((results.Counts.Scored, results.Counts.Errored), Is.EqualTo((4, 1)));
        Assert.That(results.Suites.Single().Metrics.Single().N, Is.EqualTo(4), "left out of the metrics");
    }
}
