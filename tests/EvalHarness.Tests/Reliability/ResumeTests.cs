using EvalHarness.Cli;
using EvalHarness.Engine;
using EvalHarness.Logs;
using EvalHarness.Results;
using EvalHarness.Tests.Support;
using EvalHarness.Validation;

namespace EvalHarness.Tests.Reliability;

/// <summary>A run can be stopped or killed at any moment and resumed to the results of an uninterrupted run.</summary>
[TestFixture]
public sealed class ResumeTests
{
    // Right except for every fifth question, so results have something to get right.
    private static FakeReply Answer(FakeRequest r) => FakeReply.Answer(Runs.Number(r) % 5 == 0 ? "0" : Runs.Correct(r));

    private sealed class StopAfter(int count, CancellationTokenSource stop) : IRunObserver
    {
        private int _seen;

        public void Started(int total, int alreadyDone)
        {
        }

        public void Completed(SampleRecord record)
        {
            if (Interlocked.Increment(ref _seen) == count)
            {
                stop.Cancel();
            }
        }

        public void Finished(string status)
        {
        }
    }

    private static async Task<RunResults> UninterruptedAsync(TempDirectory dir, FakeOpenAiServer server, string suite)
    {
        var outcome = await Runs.RunAsync(server, Runs.Load(suite), new RunOptions { OutputDirectory = dir.Combine("reference"), MaxConnections = 4, Resilience = Runs.FastRetries() });
        return outcome.Results;
    }

    [Test]
    public async Task A_stopped_run_resumes_to_the_results_of_an_uninterrupted_one()
    {
        using var dir = new TempDirectory();
        var holding = false;
        var served = 0;
        using var stopped = new ManualResetEventSlim();
        await using var server = await FakeOpenAiServer.StartAsync(r =>
        {
            if (Volatile.Read(ref holding) && Interlocked.Increment(ref served) > 25)
            {
                stopped.Wait(TimeSpan.FromSeconds(30));
            }

            return Answer(r);
        });
        var suitePath = SuiteFiles.Arithmetic(dir, 40, epochs: 2);
        var reference = await UninterruptedAsync(dir, server, suitePath);
        var suite = Runs.Load(suitePath);
        var options = new RunOptions { OutputDirectory = dir.Combine("run"), MaxConnections = 4, Resilience = Runs.FastRetries() };

        // Requests after the 25th wait for the stop, so no completion can race the stop on a busy machine
        // and let the launcher start more work than the 3 other slots hold.
        using var stop = new CancellationTokenSource();
        using var release = stop.Token.Register(stopped.Set);
        Volatile.Write(ref holding, true);
        await using var target = Runs.OpenAi(server);
        var first = await new EvalRunner(Composition.Catalog).RunAsync(target, [suite], options, new StopAfter(25, stop), new RunSignals(stop.Token, CancellationToken.None));
        Assert.That(first.Log.Footer!.Status, Is.EqualTo(RunStatus.Interrupted));
        Assert.That(first.Results.Status, Is.EqualTo(RunStatus.Incomplete));
        var done = first.Log.Samples.Count;
        Assert.That(done, Is.InRange(25, 29), "samples in flight were allowed to finish, nothing new was started");

        var before = server.Requests.Count;
        Volatile.Write(ref holding, false);
        var resumed = await Runs.RunAsync(server, suite, options with { Resume = true });

        Assert.That(server.Requests.Count - before, Is.EqualTo(80 - done), "exactly the missing sample×epochs were run");
        Assert.That(resumed.Log.Samples, Has.Count.EqualTo(80));
        Assert.That(resumed.Log.Resumes.Single().Remaining, Is.EqualTo(80 - done));
        Assert.That(ResultsComparison.Substance(resumed.Results), Is.EqualTo(ResultsComparison.Substance(reference)));
    }

    [Test]
    public async Task A_torn_last_line_from_a_crash_is_dropped_and_that_sample_run_again()
    {
        using var dir = new TempDirectory();
        await using var server = await FakeOpenAiServer.StartAsync(Answer);
        var suitePath = SuiteFiles.Arithmetic(dir, 12);
        var reference = await UninterruptedAsync(dir, server, suitePath);

        // A crash leaves the header, some whole records and half of the next one.
        var log = Path.Combine(dir.Combine("reference"), "log.jsonl");
        var lines = File.ReadAllLines(log);
        Directory.CreateDirectory(dir.Combine("crashed"));
        var crashed = Path.Combine(dir.Combine("crashed"), "log.jsonl");
        File.WriteAllText(crashed, string.Join('\n', lines.Take(6)) + "\n" + lines[6][..(lines[6].Length / 2)]);

        var resumed = await Runs.RunAsync(server, Runs.Load(suitePath), new RunOptions { OutputDirectory = dir.Combine("crashed"), Resume = true, MaxConnections = 2, Resilience = Runs.FastRetries() });

        Assert.That(resumed.Log.TornTail, Is.False);
        Assert.That(resumed.Log.Samples, Has.Count.EqualTo(12));
        Assert.That(ResultsComparison.Substance(resumed.Results), Is.EqualTo(ResultsComparison.Substance(reference)));
    }

    [TestCase("data.jsonl", "{\"id\": \"extra\", \"input\": \"What is 9 + 9?\", \"target\": \"18\"}\n")]
    [TestCase("suite.yaml", "\ndescription: edited after the run started\n")]
    public async Task Resume_refuses_when_the_suite_or_data_changed_since_the_run_started(string file, string appended)
    {
        using var dir = new TempDirectory();
        await using var server = await FakeOpenAiServer.StartAsync(Answer);
        var suitePath = SuiteFiles.Arithmetic(dir, 5);
        await UninterruptedAsync(dir, server, suitePath);
        var log = Path.Combine(dir.Combine("reference"), "log.jsonl");
        File.WriteAllLines(log, File.ReadAllLines(log).SkipLast(2));
        var before = File.ReadAllBytes(log);
        File.AppendAllText(dir.Combine("suite", file), appended);
        var requests = server.Requests.Count;

        var run = await CliRun.InvokeAsync(["run", "--resume", dir.Combine("reference"), "--base-url", server.BaseUrl.ToString()], new Dictionary<string, string> { ["OPENAI_API_KEY"] = Runs.Key });

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput), run.All);
        Assert.That(run.Error, Does.Contain(file + ": error: changed since the run started").And.Contain("start a new run"));
        Assert.That(File.ReadAllBytes(log), Is.EqualTo(before), "the refused resume appended nothing");
        Assert.That(server.Requests, Has.Count.EqualTo(requests));
    }

    [Test]
    public async Task Resume_refuses_another_target()
    {
        using var dir = new TempDirectory();
        await using var server = await FakeOpenAiServer.StartAsync(Answer);
        var suitePath = SuiteFiles.Arithmetic(dir, 3);
        await UninterruptedAsync(dir, server, suitePath);

        var error = Assert.ThrowsAsync<InvalidInputException>(async () =>
        {
            await using var other = EvalHarness.Providers.Mock.MockModel.Echo();
            await new EvalRunner(Composition.Catalog).RunAsync(other, [Runs.Load(suitePath)], new RunOptions { OutputDirectory = dir.Combine("reference"), Resume = true }, NullRunObserver.Instance, RunSignals.None);
        })!;
        Assert.That((await error)!.Message, Does.Contain("was made against openai/fake"));
    }

    [Test]
    public async Task A_killed_evalh_process_resumes_from_its_log()
    {
        using var dir = new TempDirectory();
        await using var server = await FakeOpenAiServer.StartAsync(r => Answer(r) with { Delay = TimeSpan.FromMilliseconds(25) });
        var suitePath = SuiteFiles.Arithmetic(dir, 120);
        var reference = await UninterruptedAsync(dir, server, suitePath);
        var output = dir.Combine("killed");
        var variables = new Dictionary<string, string> { ["OPENAI_API_KEY"] = Runs.Key, ["EVALH_CACHE_DIR"] = dir.Combine("cache") };

        using (var child = ChildProcess.StartEvalh(["run", suitePath, "--model", "openai/fake", "--base-url", server.BaseUrl.ToString(), "--out", output, "--max-connections", "4", "--no-cache"], variables))
        {
            await LogFile.WaitForSamplesAsync(Path.Combine(output, "log.jsonl"), 30, TimeSpan.FromSeconds(60), child);
            child.KillHard();
            await child.WaitAsync(TimeSpan.FromSeconds(10));
        }

        var before = RunLogReader.Read(Path.Combine(output, "log.jsonl"));
        Assert.That(before.Footer, Is.Null, "SIGKILL left no footer");
        Assert.That(File.Exists(Path.Combine(output, "results.json")), Is.False);
        var requestsBefore = server.Requests.Count;

        var resume = await CliRun.InvokeAsync(["run", "--resume", output, "--no-cache"], variables);

        Assert.That(resume.ExitCode, Is.EqualTo(ExitCodes.Ok), resume.All);
        Assert.That(server.Requests.Count - requestsBefore, Is.EqualTo(120 - before.Samples.Count));
        var after = RunLogReader.Read(Path.Combine(output, "log.jsonl"));
        Assert.That(after.Samples.Select(s => s.Id).Distinct().Count(), Is.EqualTo(120));
        Assert.That(after.Samples, Has.Count.EqualTo(120), "no sample ran twice");
        Assert.That(ResultsComparison.Substance(ResultsFile.Read(Path.Combine(output, "results.json"))), Is.EqualTo(ResultsComparison.Substance(reference)));
    }
}
