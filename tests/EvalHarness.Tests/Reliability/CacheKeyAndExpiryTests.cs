using EvalHarness.Caching;
using EvalHarness.Engine;
using EvalHarness.Suites;
using EvalHarness.Providers.Caching;
using EvalHarness.Models;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Reliability;

/// <summary>What counts as the same request, and how long its answer is reused, seen through the caching target.</summary>
[TestFixture]
public sealed class CacheKeyAndExpiryTests
{
    private static readonly ModelInfo BaseTarget = CountingModel.LiveInfo();

    private static readonly GenerationRequest BaseRequest = new(
        "s",
        "q1",
        1,
        [new(MessageRoles.System, "be brief"), new(MessageRoles.User, "hi")],
        new GenerationSettings { Temperature = 0, MaxTokens = 64, TopP = 1, Seed = 7, Stop = ["\n"] });

    private static readonly Dictionary<string, (ModelInfo Target, GenerationRequest Request)> Changes = new()
    {
        ["temperature"] = (BaseTarget, BaseRequest with { Settings = BaseRequest.Settings with { Temperature = 0.7 } }),
        ["max_tokens"] = (BaseTarget, BaseRequest with { Settings = BaseRequest.Settings with { MaxTokens = 65 } }),
        ["top_p"] = (BaseTarget, BaseRequest with { Settings = BaseRequest.Settings with { TopP = 0.9 } }),
        ["seed"] = (BaseTarget, BaseRequest with { Settings = BaseRequest.Settings with { Seed = 8 } }),
        ["stop"] = (BaseTarget, BaseRequest with { Settings = BaseRequest.Settings with { Stop = ["\n\n"] } }),
        ["no stop"] = (BaseTarget, BaseRequest with { Settings = BaseRequest.Settings with { Stop = null } }),
        ["unset seed"] = (BaseTarget, BaseRequest with { Settings = BaseRequest.Settings with { Seed = null } }),
        ["base URL"] = (BaseTarget with { BaseUrl = "http://127.0.0.1:10/v1" }, BaseRequest),
        ["model"] = (BaseTarget with { Spec = "openai/n", Name = "n" }, BaseRequest),
        ["message text"] = (BaseTarget, BaseRequest with { Messages = [new(MessageRoles.System, "be brief"), new(MessageRoles.User, "hi!")] }),
        ["message role"] = (BaseTarget, BaseRequest with { Messages = [new(MessageRoles.User, "be brief"), new(MessageRoles.User, "hi")] }),
        ["one more message"] = (BaseTarget, BaseRequest with { Messages = [.. BaseRequest.Messages, new(MessageRoles.User, "")] }),
        ["epoch"] = (BaseTarget, BaseRequest with { Epoch = 2 }),
    };

    private static IEnumerable<string> ChangeNames => Changes.Keys;

    [TestCaseSource(nameof(ChangeNames))]
    public async Task A_request_that_differs_in_one_part_is_a_miss_and_an_identical_one_a_hit(string change)
    {
        using var dir = new TempDirectory();
        using var cache = SqliteResponseCache.Open(dir.Combine("cache"));
        var (changedTarget, changedRequest) = Changes[change];
        var first = new CountingModel(BaseTarget);
        var second = new CountingModel(changedTarget);
        var original = first.WithCache(cache, TimeSpan.FromDays(7));
        var changed = second.WithCache(cache, TimeSpan.FromDays(7));

        var stored = await original.GenerateAsync(BaseRequest, CancellationToken.None);
        var identical = await original.GenerateAsync(Copy(BaseRequest), CancellationToken.None);
        var other = await changed.GenerateAsync(changedRequest, CancellationToken.None);

        Assert.That(identical.Cached, Is.True, "an identical request (a copy, not the same object) is a hit");
        Assert.That(identical.Text, Is.EqualTo(stored.Text));
        Assert.That(first.Calls, Is.EqualTo(1));
        Assert.That(other.Cached, Is.False, $"another {change} is another request");
        Assert.That(second.Calls, Is.EqualTo(1));
        Assert.That(cache.Statistics().Entries, Is.EqualTo(2));
    }

    [Test]
    public async Task The_same_request_from_another_sample_or_suite_is_a_hit()
    {
        using var dir = new TempDirectory();
        using var cache = SqliteResponseCache.Open(dir.Combine("cache"));
        var inner = new CountingModel(BaseTarget);
        var target = inner.WithCache(cache, TimeSpan.FromDays(7));

        await target.GenerateAsync(BaseRequest, CancellationToken.None);
        var again = await target.GenerateAsync(BaseRequest with { Suite = "other", SampleId = "q9" }, CancellationToken.None);

        Assert.That((again.Cached, inner.Calls), Is.EqualTo((true, 1)));
    }

    [Test]
    public async Task An_answer_is_reused_until_the_expiry_on_the_injected_clock_and_not_after()
    {
        using var dir = new TempDirectory();
        using var cache = SqliteResponseCache.Open(dir.Combine("cache"));
        var clock = new ManualTime();
        var inner = new CountingModel(BaseTarget);
        var target = inner.WithCache(cache, TimeSpan.FromHours(1), clock);

        var stored = await target.GenerateAsync(BaseRequest, CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(59));
        var at59 = await target.GenerateAsync(BaseRequest, CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(2));
        var at61 = await target.GenerateAsync(BaseRequest, CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(59));
        var at120 = await target.GenerateAsync(BaseRequest, CancellationToken.None);

        Assert.That(at59.Cached, Is.True, "59 minutes is within the hour");
        Assert.That(at59.Text, Is.EqualTo(stored.Text));
        Assert.That(at61.Cached, Is.False, "61 minutes is past the hour");
        Assert.That(at61.Text, Is.Not.EqualTo(stored.Text));
        Assert.That(at120.Cached, Is.True, "the fresh answer from minute 61 replaced the expired one and is itself 59 minutes old");
        Assert.That(at120.Text, Is.EqualTo(at61.Text));
        Assert.That(inner.Calls, Is.EqualTo(2));
    }

    [Test]
    public async Task The_runner_decides_expiry_on_its_own_clock()
    {
        using var dir = new TempDirectory();
        using var cache = SqliteResponseCache.Open(dir.Combine("cache"));
        var clock = new ManualTime();
        await using var server = await FakeOpenAiServer.StartAsync(r => FakeReply.Answer(Runs.Correct(r)));
        var suite = Runs.Load(SuiteFiles.Arithmetic(dir, 3));

        await RunOnClockAsync(server, suite, RunOptionsFor(dir, "a", cache), clock);
        clock.Advance(TimeSpan.FromMinutes(59));
        var at59 = await RunOnClockAsync(server, suite, RunOptionsFor(dir, "b", cache), clock);
        clock.Advance(TimeSpan.FromMinutes(2));
        var at61 = await RunOnClockAsync(server, suite, RunOptionsFor(dir, "c", cache), clock);

        Assert.That(at59.Log.Samples.All(s => s.Cached), Is.True);
        Assert.That(at61.Log.Samples.Any(s => s.Cached), Is.False);
        Assert.That(server.Requests, Has.Count.EqualTo(6));
    }

    private static RunOptions RunOptionsFor(TempDirectory dir, string output, IResponseCache cache) => new()
    {
        OutputDirectory = dir.Combine(output),
        MaxConnections = 1,
        Resilience = Runs.FastRetries(0),
        Cache = cache,
        CacheExpiry = TimeSpan.FromHours(1),
    };

    private static async Task<RunOutcome> RunOnClockAsync(FakeOpenAiServer server, Suite suite, RunOptions options, TimeProvider clock)
    {
        await using var target = Runs.OpenAi(server);
        return await new EvalRunner(EvalHarness.Cli.Composition.Catalog, clock).RunAsync(target, [suite], options, NullRunObserver.Instance, RunSignals.None);
    }

    private static GenerationRequest Copy(GenerationRequest request) => request with
    {
        Messages = [.. request.Messages.Select(m => new PromptMessage(m.Role, new string(m.Content.AsSpan())))],
        Settings = request.Settings with { Stop = [.. request.Settings.Stop ?? []] },
    };
}
