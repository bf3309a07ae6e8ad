using EvalHarness.Cli;
using EvalHarness.Engine;
using EvalHarness.Logs;
using EvalHarness.Results;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Reliability;

/// <summary>Ctrl+C on a real process: the first stops cleanly, the second abandons work in flight.</summary>
[TestFixture]
public sealed class InterruptTests
{
    [Test]
    public async Task The_first_interrupt_finishes_samples_in_flight_and_exits_130_with_incomplete_results()
    {
        using var dir = new TempDirectory();
        await using var server = await FakeOpenAiServer.StartAsync(r => FakeReply.Answer(Runs.Correct(r)) with { Delay = TimeSpan.FromMilliseconds(300) });
        var output = dir.Combine("run");
        var variables = new Dictionary<string, string> { ["OPENAI_API_KEY"] = Runs.Key };
        using var child = ChildProcess.StartEvalh(["run", SuiteFiles.Arithmetic(dir, 100), "--model", "openai/fake", "--base-url", server.BaseUrl.ToString(), "--out", output, "--max-connections", "4", "--no-cache"], variables);

        await LogFile.WaitForSamplesAsync(Path.Combine(output, "log.jsonl"), 8, TimeSpan.FromSeconds(60), child);
        var requestsAtSignal = server.Requests.Count;
        child.Signal("INT");
        var exit = await child.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.That(exit, Is.EqualTo(ExitCodes.Interrupted), child.Error);
        Assert.That(child.Error, Does.Contain("stopping: no new samples").And.Contain("--resume"));
        var log = RunLogReader.Read(Path.Combine(output, "log.jsonl"));
        Assert.That(log.TornTail, Is.False);
        Assert.That(log.Footer!.Status, Is.EqualTo(RunStatus.Interrupted));
        Assert.That(log.Samples, Has.Count.EqualTo(server.Requests.Count), "every request that was started was finished and logged");
        Assert.That(server.Requests.Count - requestsAtSignal, Is.LessThanOrEqualTo(4), "at most the samples already in flight");
        var results = ResultsFile.Read(Path.Combine(output, "results.json"));
        Assert.That(results.Status, Is.EqualTo(RunStatus.Incomplete));
        Assert.That(results.Counts.Pending, Is.EqualTo(100 - log.Samples.Count));

        var resumed = await CliRun.InvokeAsync(["run", "--resume", output, "--no-cache", "--max-connections", "16"], variables);
        Assert.That(resumed.ExitCode, Is.EqualTo(ExitCodes.Ok), resumed.All);
        Assert.That(ResultsFile.Read(Path.Combine(output, "results.json")).Counts.Scored, Is.EqualTo(100));
    }

    [Test]
    public async Task A_second_interrupt_abandons_hanging_requests_at_once_and_leaves_a_resumable_log()
    {
        using var dir = new TempDirectory();
        await using var server = await FakeOpenAiServer.StartAsync(r => Runs.Number(r) <= 6 ? FakeReply.Answer(Runs.Correct(r)) : FakeReply.Hang());
        var output = dir.Combine("run");
        var variables = new Dictionary<string, string> { ["OPENAI_API_KEY"] = Runs.Key };
        using var child = ChildProcess.StartEvalh(["run", SuiteFiles.Arithmetic(dir, 30), "--model", "openai/fake", "--base-url", server.BaseUrl.ToString(), "--out", output, "--max-connections", "1", "--no-cache", "--timeout", "600"], variables);

        await LogFile.WaitForSamplesAsync(Path.Combine(output, "log.jsonl"), 6, TimeSpan.FromSeconds(60), child);
        await Task.Delay(300);
        child.Signal("INT");
        await Task.Delay(300);
        var started = DateTime.UtcNow;
        child.Signal("INT");
        var exit = await child.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.That(exit, Is.EqualTo(ExitCodes.Interrupted), child.Error);
        Assert.That(DateTime.UtcNow - started, Is.LessThan(TimeSpan.FromSeconds(15)), "did not wait for the hanging request");
        var log = RunLogReader.Read(Path.Combine(output, "log.jsonl"));
        Assert.That(log.Samples, Has.Count.EqualTo(6));
        Assert.That(log.Footer!.Reason, Does.Contain("interrupted twice"));
    }

    [Test]
    public async Task After_a_first_interrupt_samples_in_flight_may_finish_within_the_grace_period_and_are_abandoned_when_it_ends()
    {
        using var dir = new TempDirectory();
        var third = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await FakeOpenAiServer.StartAsync(r => Runs.Number(r) switch
        {
            <= 2 => FakeReply.Answer(Runs.Correct(r)),
            3 => FakeReply.Answer(Runs.Correct(r)) with { Until = third.Task },
            _ => FakeReply.Hang(),
        });
        await using var target = Runs.OpenAi(server);
        var time = new ManualTime();
        var output = dir.Combine("out");
        var log = Path.Combine(output, "log.jsonl");
        using var stop = new CancellationTokenSource();
        var options = new RunOptions
        {
            OutputDirectory = output,
            MaxConnections = 2,
            Resilience = Runs.FastRetries(timeoutSeconds: 600),
            StopGracePeriod = TimeSpan.FromSeconds(30),
        };

        var run = new EvalRunner(Composition.Catalog, time).RunAsync(target, [Runs.Load(SuiteFiles.Arithmetic(dir, 6))], options, NullRunObserver.Instance, new RunSignals(stop.Token, CancellationToken.None));
        await LogFile.WaitForSamplesAsync(log, 2, TimeSpan.FromSeconds(30));
        while (server.Requests.Count < 4)
        {
            await Task.Delay(20);
        }

        await stop.CancelAsync();
        time.Advance(TimeSpan.FromSeconds(29));

        // Answered one second before the grace period ends, the third sample is still taken in: a run
        // that abandoned samples at once (or before 30 s) would have cancelled its request already.
        third.SetResult();
        await LogFile.WaitForSamplesAsync(log, 3, TimeSpan.FromSeconds(30));

        time.Advance(TimeSpan.FromSeconds(1));
        var outcome = await run.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.That(outcome.Log.Footer!.Status, Is.EqualTo(RunStatus.Interrupted));
        Assert.That(outcome.Log.Footer.Reason, Does.Contain("still in flight after 30 s were abandoned"));
        Assert.That(outcome.Log.Samples.Select(s => s.Id), Is.EquivalentTo(new[] { "q0001", "q0002", "q0003" }), "nothing was started after the interrupt");
        Assert.That(server.Requests, Has.Count.EqualTo(4));
        Assert.That((outcome.Results.Status, outcome.Results.Counts.Pending), Is.EqualTo((RunStatus.Incomplete, 3)));
    }
}
