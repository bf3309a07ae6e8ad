using EvalHarness.Engine;
using EvalHarness.Engine.Concurrency;
using EvalHarness.Logs;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Reliability;

/// <summary>log.jsonl tells a reviewer how the run was paced: every limit change, from what, to what, and why.</summary>
[TestFixture]
public sealed class LimitLogTests
{
    [Test]
    public async Task A_429_burst_is_logged_as_a_cut_that_honours_retry_after_and_the_limit_then_grows_again()
    {
        using var dir = new TempDirectory();
        var served = 0;

        // Accepts 8 requests, rate limits the next 20 with Retry-After 0.2 s, then keeps up.
        await using var server = await FakeOpenAiServer.StartAsync(r =>
        {
            var n = Interlocked.Increment(ref served);
            return n is > 8 and <= 28 ? FakeReply.RateLimited(0.2) : FakeReply.Answer(Runs.Correct(r)) with { Delay = TimeSpan.FromMilliseconds(10) };
        });
        var suite = Runs.Load(SuiteFiles.Arithmetic(dir, 300));

        var outcome = await Runs.RunAsync(server, suite, new RunOptions
        {
            OutputDirectory = dir.Combine("out"),
            Adaptive = new AdaptiveConcurrencyOptions { Initial = 16, Maximum = 64 },
            Resilience = Runs.FastRetries(maxRetries: 8),
        });

        var limits = RunLogReader.Read(Path.Combine(dir.Combine("out"), RunFiles.Log)).Limits;
        Assert.That(outcome.Results.Counts.Scored, Is.EqualTo(300), "nothing was lost to the burst");
        Assert.That(limits[0], Has.Property(nameof(LimitRecord.Previous)).Null.And.Property(nameof(LimitRecord.Limit)).EqualTo(16).And.Property(nameof(LimitRecord.Reason)).EqualTo("start (adaptive)"));
        for (var i = 1; i < limits.Count; i++)
        {
            Assert.That(limits[i].Previous, Is.EqualTo(limits[i - 1].Limit), "each record moves the limit from where the last one left it");
            Assert.That(limits[i].At, Is.GreaterThanOrEqualTo(limits[i - 1].At));
            Assert.That(limits[i].Limit, Is.GreaterThanOrEqualTo(1));
        }

        var cuts = limits.Where(l => l.Limit < l.Previous).ToList();
        Assert.That(cuts, Is.Not.Empty);
        Assert.That((cuts[0].Previous, cuts[0].Limit), Is.EqualTo((16, 8)), "halved");
        Assert.That(cuts[0].Reason, Is.EqualTo("rate limited (HTTP 429, Retry-After 0.2 s)"));
        Assert.That(cuts[0].RetryAfterSeconds, Is.EqualTo(0.2));
        var lastCut = limits.ToList().LastIndexOf(cuts[^1]);
        Assert.That(limits.Skip(lastCut + 1).Where(l => l.Limit > l.Previous).Select(l => l.Reason), Is.Not.Empty.And.All.StartWith("grow"), "it grows again once the endpoint keeps up");
        var waits = outcome.Log.Samples.SelectMany(s => s.Retries ?? []).ToList();
        Assert.That(waits, Has.Count.EqualTo(20));
        Assert.That(waits.Select(w => w.WaitedMs), Is.All.GreaterThanOrEqualTo(200), "every retry waited the Retry-After the endpoint asked for");
    }

    [Test]
    public void Congestion_reasons_name_what_the_endpoint_sent()
    {
        var time = new ManualTime();
        var controller = new AdaptiveConcurrency(new AdaptiveConcurrencyOptions { Initial = 64 }, time);
        var changes = new List<LimitChange>();
        controller.Changed += changes.Add;

        controller.AnnounceStart();
        foreach (var (after, cause) in new (TimeSpan?, string?)[] { (TimeSpan.FromSeconds(2), "HTTP 429"), (null, "HTTP 503"), (null, "timeout"), (null, null) })
        {
            time.Advance(TimeSpan.FromSeconds(1));
            controller.OnCongestion(after, cause);
        }

        Assert.That(changes.Select(c => (c.Previous, c.Limit, c.Reason)), Is.EqualTo(new (int?, int, string)[]
        {
            (null, 64, "start (adaptive)"),
            (64, 32, "rate limited (HTTP 429, Retry-After 2 s)"),
            (32, 16, "overloaded (HTTP 503)"),
            (16, 8, "overloaded (timeout)"),
            (8, 4, "overloaded"),
        }));
        Assert.That(changes[1].RetryAfter, Is.EqualTo(TimeSpan.FromSeconds(2)));
    }
}
