using EvalHarness.Engine;
using EvalHarness.Engine.Concurrency;
using EvalHarness.Logs;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Reliability;

[TestFixture]
public sealed class ConcurrencyTests
{
    [Test]
    public async Task A_fixed_limit_is_reached_and_never_exceeded()
    {
        using var dir = new TempDirectory();
        await using var server = await FakeOpenAiServer.StartAsync(r => FakeReply.Answer(Runs.Correct(r)) with { Delay = TimeSpan.FromMilliseconds(30) });
        var suite = Runs.Load(SuiteFiles.Arithmetic(dir, 60));

        var outcome = await Runs.RunAsync(server, suite, new RunOptions { OutputDirectory = dir.Combine("out"), MaxConnections = 6, Resilience = Runs.FastRetries() });

        Assert.That(server.MaxInFlight, Is.EqualTo(6));
        Assert.That(outcome.Log.Samples, Has.Count.EqualTo(60));
        Assert.That(outcome.Log.Limits.Single(), Has.Property(nameof(LimitRecord.Limit)).EqualTo(6));
    }

    [Test]
    public async Task Adaptive_concurrency_grows_while_the_endpoint_keeps_up_and_the_log_records_it()
    {
        using var dir = new TempDirectory();
        await using var server = await FakeOpenAiServer.StartAsync(r => FakeReply.Answer(Runs.Correct(r)) with { Delay = TimeSpan.FromMilliseconds(20) });
        var suite = Runs.Load(SuiteFiles.Arithmetic(dir, 300));

        var outcome = await Runs.RunAsync(server, suite, new RunOptions
        {
            OutputDirectory = dir.Combine("out"),
            Adaptive = new AdaptiveConcurrencyOptions { Initial = 2, Maximum = 32 },
            Resilience = Runs.FastRetries(),
        });

        var limits = outcome.Log.Limits.Select(l => l.Limit).ToList();
        Assert.That(limits, Is.Not.Empty);
        Assert.That(limits, Is.Ordered.Ascending, "nothing pushed back, so the limit only grew");
        Assert.That(limits[^1], Is.EqualTo(32));
        Assert.That(server.MaxInFlight, Is.GreaterThan(8).And.LessThanOrEqualTo(32));
        Assert.That(outcome.Results.Counts.Scored, Is.EqualTo(300));
    }

    [Test]
    public async Task Rate_limiting_cuts_the_limit_honours_retry_after_and_loses_nothing()
    {
        using var dir = new TempDirectory();
        var served = 0;

        // Accepts 8 requests, then rate limits the next 20 with a short Retry-After, then recovers.
        await using var server = await FakeOpenAiServer.StartAsync(r =>
        {
            var n = Interlocked.Increment(ref served);
            return n is > 8 and <= 28 ? FakeReply.RateLimited(0.2) : FakeReply.Answer(Runs.Correct(r)) with { Delay = TimeSpan.FromMilliseconds(10) };
        });
        var suite = Runs.Load(SuiteFiles.Arithmetic(dir, 80));

        var outcome = await Runs.RunAsync(server, suite, new RunOptions
        {
            OutputDirectory = dir.Combine("out"),
            Adaptive = new AdaptiveConcurrencyOptions { Initial = 16, Maximum = 16 },
            Resilience = Runs.FastRetries(maxRetries: 8),
        });

        var cuts = outcome.Log.Limits.Where(l => l.Reason.StartsWith("rate limited", StringComparison.Ordinal)).ToList();
        Assert.That(cuts, Is.Not.Empty);
        Assert.That(cuts[0].Limit, Is.EqualTo(8), "halved from 16");
        Assert.That(cuts[0].Reason, Does.Contain("Retry-After 0.2 s"));
        Assert.That(outcome.Log.Limits.Min(l => l.Limit), Is.GreaterThanOrEqualTo(1));
        Assert.That(outcome.Results.Counts.Scored, Is.EqualTo(80), "every rate-limited sample was retried to success");
        Assert.That(outcome.Log.Samples.Where(s => s.Retries is not null).SelectMany(s => s.Retries!).Select(r => r.Status).Distinct(), Is.EqualTo(new int?[] { 429 }));
    }

    [Test]
    public async Task The_adaptive_limit_never_drops_below_one()
    {
        var time = new ManualTime();
        var controller = new AdaptiveConcurrency(new AdaptiveConcurrencyOptions { Initial = 4 }, time);
        var seen = new List<int>();
        controller.Changed += c => seen.Add(c.Limit);
        for (var i = 0; i < 20; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            controller.OnCongestion(null);
        }

        Assert.That(controller.Limit, Is.EqualTo(1));
        Assert.That(seen, Is.EqualTo(new[] { 2, 1 }));

        // At the floor one request still runs (a limit of 0 would never grant this slot), and only one.
        var only = await controller.AcquireAsync(CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        var next = controller.AcquireAsync(CancellationToken.None).AsTask();
        Assert.That(next.IsCompleted, Is.False, "a second request waits for the first");
        only.Dispose();
        (await next.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Test]
    public async Task Retry_after_pauses_new_requests_until_it_has_passed()
    {
        var time = new ManualTime();
        var controller = new AdaptiveConcurrency(new AdaptiveConcurrencyOptions { Initial = 4 }, time);
        controller.OnCongestion(TimeSpan.FromSeconds(2));

        var waiting = controller.AcquireAsync(CancellationToken.None).AsTask();
        time.Advance(TimeSpan.FromSeconds(1));
        await Task.Delay(50);
        Assert.That(waiting.IsCompleted, Is.False, "still inside Retry-After");

        time.Advance(TimeSpan.FromSeconds(1));
        using var slot = await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.That(controller.Limit, Is.EqualTo(2));
    }

    [Test]
    public async Task Slots_are_released_and_waiters_served_in_order()
    {
        var controller = new FixedConcurrency(1);
        var first = await controller.AcquireAsync(CancellationToken.None);
        var second = controller.AcquireAsync(CancellationToken.None).AsTask();
        using var cancelled = new CancellationTokenSource();
        var third = controller.AcquireAsync(cancelled.Token).AsTask();
        await cancelled.CancelAsync();

        Assert.That(second.IsCompleted, Is.False);
        first.Dispose();
        (await second.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
        Assert.That(async () => await third, Throws.InstanceOf<OperationCanceledException>());
        using var fourth = await controller.AcquireAsync(CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(5));
    }
}
