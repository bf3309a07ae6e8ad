using EvalHarness.Cli;
using EvalHarness.Engine;
using EvalHarness.Engine.Concurrency;
using EvalHarness.Logs;
using EvalHarness.Resilience;
using EvalHarness.Models;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Reliability;

/// <summary>A run never waits forever: every wait ends, and when nothing can progress the run says why and stops.</summary>
[TestFixture]
public sealed class StallTests
{
    [Test]
    public async Task A_retry_after_pause_ends_when_its_timer_fires_even_if_the_timer_fires_before_the_deadline()
    {
        // .NET timers often fire a fraction of a millisecond before their deadline by the wall clock. With
        // nothing in flight, the timer is the only thing that can wake the queue.
        var time = new CapturingTime();
        var controller = new FixedConcurrency(2, time);
        controller.OnCongestion(TimeSpan.FromMilliseconds(50), "HTTP 429");
        var waiting = controller.AcquireAsync(CancellationToken.None).AsTask();
        Assert.That(waiting.IsCompleted, Is.False, "paused by Retry-After");

        time.Advance(TimeSpan.FromMilliseconds(49.6));
        time.FireAll();

        using var slot = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That(waiting.IsCompletedSuccessfully, Is.True);
    }

    [Test]
    public async Task A_shorter_retry_after_does_not_end_a_longer_pause_and_a_replaced_timer_firing_late_is_ignored()
    {
        var time = new CapturingTime();
        var controller = new FixedConcurrency(2, time);
        controller.OnCongestion(TimeSpan.FromSeconds(1), "HTTP 429");
        controller.OnCongestion(TimeSpan.FromSeconds(3), "HTTP 429");
        controller.OnCongestion(TimeSpan.FromSeconds(2), "HTTP 429");
        var waiting = controller.AcquireAsync(CancellationToken.None).AsTask();

        time.Advance(TimeSpan.FromSeconds(1));
        time.Fire(0);
        await Task.Delay(20);
        Assert.That(waiting.IsCompleted, Is.False, "the first timer was replaced by the longer pause");

        time.Advance(TimeSpan.FromSeconds(2));
        time.Fire(1);
        using var slot = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That(time.Created, Is.EqualTo(2), "a shorter Retry-After inside a pause sets no timer");
    }

    [Test]
    public async Task An_attempt_whose_client_ignores_cancellation_still_times_out_and_is_retried()
    {
        using var dir = new TempDirectory();
        var suite = Runs.Load(SuiteFiles.Arithmetic(dir, 2));
        var time = new ManualTime();
        await using var target = new HungModel(CountingModel.LiveInfo());
        var options = new RunOptions
        {
            OutputDirectory = dir.Combine("out"),
            MaxConnections = 2,
            AbortAfterIdenticalFailures = 0,
            Resilience = new ResilienceOptions { MaxRetries = 1, AttemptTimeout = TimeSpan.FromSeconds(3), BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(1) },
        };

        var run = new EvalRunner(Composition.Catalog, time).RunAsync(target, [suite], options, NullRunObserver.Instance, RunSignals.None);
        var outcome = await Drive(run, time, TimeSpan.FromSeconds(1), steps: 60);

        Assert.That(outcome.Log.Footer!.Status, Is.EqualTo(RunStatus.Completed), outcome.Log.Footer.Reason);
        Assert.That(outcome.Log.Samples, Has.Count.EqualTo(2));
        Assert.That(outcome.Log.Samples.Select(s => s.Error?.Message), Has.All.Contain("no answer within 3 s"));
        Assert.That(outcome.Log.Samples.Select(s => s.Attempts), Has.All.EqualTo(2), "the first attempt timed out and was retried once");
        Assert.That(target.Calls, Is.EqualTo(4));
    }

    [Test]
    public async Task A_run_where_nothing_can_progress_stops_with_the_reason_instead_of_waiting_forever()
    {
        // A target outside the retry layer (not live) whose request never returns: only the watch can end this.
        using var dir = new TempDirectory();
        var suite = Runs.Load(SuiteFiles.Arithmetic(dir, 5));
        var time = new ManualTime();
        var info = new ModelInfo("stuck", "test", null, null, Live: false, "a test target");
        await using var target = new HungModel(info, answered: 2);
        var options = new RunOptions { OutputDirectory = dir.Combine("out"), MaxConnections = 1, StallTimeout = TimeSpan.FromMinutes(5) };

        var run = new EvalRunner(Composition.Catalog, time).RunAsync(target, [suite], options, NullRunObserver.Instance, RunSignals.None);
        await WaitUntil(() => target.Calls == 3);
        time.Advance(TimeSpan.FromMinutes(4));
        await Task.Delay(50);
        Assert.That(run.IsCompleted, Is.False, "four quiet minutes are within the limit");

        var outcome = await Drive(run, time, TimeSpan.FromMinutes(1), steps: 3);

        Assert.That(outcome.Log.Footer!.Status, Is.EqualTo(RunStatus.Aborted));
        Assert.That(outcome.Log.Footer.Reason, Does.StartWith("stalled: no progress for 300 s").And.Contain("1 request(s) to the model never returned").And.Contain("--resume"));
        Assert.That(outcome.Log.Samples, Has.Count.EqualTo(2), "the samples answered before the stall are kept");
        var onDisk = RunLogReader.Read(Path.Combine(options.OutputDirectory, RunFiles.Log));
        Assert.That(onDisk.Footer!.Status, Is.EqualTo(RunStatus.Aborted), "the log ends with a footer, so the run can be resumed");
    }

    [Test]
    public async Task Seeded_fault_sequences_against_the_adaptive_controller_always_finish_every_sample()
    {
        // The probe that found the stall: ~40% faults per request, Retry-After pauses, hangs, 12 retries.
        using var dir = new TempDirectory();
        var suite = Runs.Load(SuiteFiles.Arithmetic(dir, 40));
        var stalled = new List<string>();
        for (var seed = 1; seed <= 40; seed++)
        {
            await using var target = new ScriptedFaultModel(seed);
            var options = new RunOptions
            {
                OutputDirectory = dir.Combine($"out-{seed}"),
                Adaptive = new AdaptiveConcurrencyOptions { Initial = 4, Maximum = 16 },
                AbortAfterIdenticalFailures = 0,
                StallTimeout = TimeSpan.FromSeconds(20),
                Resilience = new ResilienceOptions
                {
                    MaxRetries = 12,
                    AttemptTimeout = TimeSpan.FromMilliseconds(60),
                    BaseDelay = TimeSpan.FromMilliseconds(1),
                    MaxDelay = TimeSpan.FromMilliseconds(8),
                    MaxRetryAfter = TimeSpan.FromMilliseconds(30),
                },
            };

            var outcome = await new EvalRunner(Composition.Catalog).RunAsync(target, [suite], options, NullRunObserver.Instance, RunSignals.None).WaitAsync(TimeSpan.FromMinutes(2));
            if (outcome.Log.Footer!.Status != RunStatus.Completed || outcome.Log.Samples.Count != 40)
            {
                stalled.Add($"seed {seed}: {outcome.Log.Footer.Status}, {outcome.Log.Samples.Count}/40 samples, {target.Requests} requests: {outcome.Log.Footer.Reason}");
            }
        }

        Assert.That(stalled, Is.Empty);
    }

    [Test]
    public void The_default_stall_limit_outlasts_the_longest_legitimate_wait()
    {
        var resilience = new ResilienceOptions { AttemptTimeout = TimeSpan.FromSeconds(120), MaxDelay = TimeSpan.FromSeconds(60), MaxRetryAfter = TimeSpan.FromMinutes(5) };

        Assert.That(ProgressWatch.DefaultLimit(resilience), Is.EqualTo(TimeSpan.FromSeconds(120 + 300 + 60)));
    }

    /// <summary>Moves the manual clock in steps, letting continuations run, until the run ends.</summary>
    private static async Task<RunOutcome> Drive(Task<RunOutcome> run, ManualTime time, TimeSpan step, int steps)
    {
        for (var i = 0; i < steps && !run.IsCompleted; i++)
        {
            await Task.Delay(20);
            time.Advance(step);
        }

        await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(10)));
        Assert.That(run.IsCompleted, Is.True, "the run stalled");
        return await run;
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.That(condition(), Is.True);
    }
}
