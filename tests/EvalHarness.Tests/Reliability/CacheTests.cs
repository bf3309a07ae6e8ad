using EvalHarness.Caching;
using EvalHarness.Engine;
using EvalHarness.Logs;
using EvalHarness.Providers.Caching;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Reliability;

[TestFixture]
public sealed class CacheTests
{
    private static RunOptions Options(TempDirectory dir, string output, IResponseCache? cache, TimeSpan? expiry = null) => new()
    {
        OutputDirectory = dir.Combine(output),
        MaxConnections = 4,
        Resilience = Runs.FastRetries(1),
        Cache = cache,
        CacheExpiry = expiry ?? TimeSpan.FromDays(7),
    };

    [Test]
    public async Task A_repeated_run_is_answered_from_the_cache_and_says_so()
    {
        using var dir = new TempDirectory();
        using var cache = SqliteResponseCache.Open(dir.Combine("cache"));
        await using var server = await FakeOpenAiServer.StartAsync(r => FakeReply.Answer(Runs.Correct(r)));
        var suite = Runs.Load(SuiteFiles.Arithmetic(dir, 10, epochs: 2));

        var first = await Runs.RunAsync(server, suite, Options(dir, "a", cache));
        var requests = server.Requests.Count;
        var second = await Runs.RunAsync(server, suite, Options(dir, "b", cache));

        Assert.That(requests, Is.EqualTo(20), "each epoch is its own request");
        Assert.That(server.Requests.Count, Is.EqualTo(20), "the second run made no request");
        Assert.That(first.Log.Samples.All(s => !s.Cached), Is.True);
        Assert.That(second.Log.Samples.All(s => s.Cached && s.Attempts == 0), Is.True);
        Assert.That(second.Log.Header.Settings.Cache, Is.True);
        Assert.That(second.Results.Suites.Single().Metrics, Is.EqualTo(first.Results.Suites.Single().Metrics));
        Assert.That(cache.Statistics().Entries, Is.EqualTo(20));
    }

    [Test]
    public async Task Errors_are_never_cached()
    {
        using var dir = new TempDirectory();
        using var cache = SqliteResponseCache.Open(dir.Combine("cache"));
        var failing = true;
        await using var server = await FakeOpenAiServer.StartAsync(r => failing ? FakeReply.Error(500, "down") : FakeReply.Answer(Runs.Correct(r)));
        var suite = Runs.Load(SuiteFiles.Arithmetic(dir, 3));

        var broken = await Runs.RunAsync(server, suite, Options(dir, "a", cache));
        failing = false;
        var fixedRun = await Runs.RunAsync(server, suite, Options(dir, "b", cache));

        Assert.That(broken.Log.Samples.All(s => s.IsError), Is.True);
        Assert.That(fixedRun.Log.Samples.All(s => !s.IsError && !s.Cached), Is.True);
        Assert.That(cache.Statistics().Entries, Is.EqualTo(3));
    }

    [Test]
    public async Task Expired_entries_are_ignored_and_a_changed_setting_is_a_different_request()
    {
        using var dir = new TempDirectory();
        using var cache = SqliteResponseCache.Open(dir.Combine("cache"));
        await using var server = await FakeOpenAiServer.StartAsync(r => FakeReply.Answer(Runs.Correct(r)));
        var suite = Runs.Load(SuiteFiles.Arithmetic(dir, 2));

        await Runs.RunAsync(server, suite, Options(dir, "a", cache));
        await Runs.RunAsync(server, suite, Options(dir, "b", cache, expiry: TimeSpan.Zero));
        Assert.That(server.Requests.Count, Is.EqualTo(4), "zero expiry ignores what is stored");

        var warmer = Options(dir, "c", cache) with { Generate = new EvalHarness.Suites.GenerationSettings { Temperature = 0.7 } };
        await Runs.RunAsync(server, suite, warmer);
        Assert.That(server.Requests.Count, Is.EqualTo(6), "another temperature is another request");
    }

    [Test]
    public async Task The_cache_command_reports_and_clears()
    {
        using var dir = new TempDirectory();
        await using var server = await FakeOpenAiServer.StartAsync(r => FakeReply.Answer(Runs.Correct(r)));
        var variables = new Dictionary<string, string> { ["OPENAI_API_KEY"] = Runs.Key, ["EVALH_CACHE_DIR"] = dir.Combine("cache") };
        var suite = SuiteFiles.Arithmetic(dir, 4);
        var run = await CliRun.InvokeAsync(["run", suite, "--model", "openai/fake", "--base-url", server.BaseUrl.ToString(), "--out", dir.Combine("a")], variables);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.All);

        var stats = await CliRun.InvokeAsync(["cache", "stats"], variables);
        Assert.That(stats.Out, Does.Contain("entries: 4").And.Contain("openai/fake: 4"));

        var cachedRun = await CliRun.InvokeAsync(["run", suite, "--model", "openai/fake", "--base-url", server.BaseUrl.ToString(), "--out", dir.Combine("b")], variables);
        var uncachedRun = await CliRun.InvokeAsync(["run", suite, "--model", "openai/fake", "--base-url", server.BaseUrl.ToString(), "--out", dir.Combine("c"), "--no-cache"], variables);
        Assert.That((cachedRun.ExitCode, uncachedRun.ExitCode), Is.EqualTo((0, 0)));
        Assert.That(server.Requests.Count, Is.EqualTo(8), "only the --no-cache run asked again");

        var clear = await CliRun.InvokeAsync(["cache", "clear"], variables);
        Assert.That(clear.Out, Does.Contain("removed 4 entries"));
        var after = await CliRun.InvokeAsync(["cache", "stats"], variables);
        Assert.That(after.Out, Does.Contain("entries: 0"));
    }

    [Test]
    public async Task Clear_older_than_removes_only_entries_older_than_the_duration()
    {
        using var dir = new TempDirectory();
        var cacheDir = dir.Combine("cache");
        var now = DateTimeOffset.UtcNow;
        using (var cache = SqliteResponseCache.Open(cacheDir))
        {
            cache.Put("ten-days", "openai/m", new CachedResponse("a", "stop", null, null, now.AddDays(-10)));
            cache.Put("two-hours", "openai/m", new CachedResponse("b", "stop", null, null, now.AddHours(-2)));
            cache.Put("one-minute", "openai/m", new CachedResponse("c", "stop", null, null, now.AddMinutes(-1)));
        }

        var week = await CliRun.InvokeAsync(["cache", "clear", "--older-than", "7d", "--cache-dir", cacheDir]);
        Assert.That(week.ExitCode, Is.EqualTo(0), week.All);
        Assert.That(week.Out, Does.Contain("removed 1 entries"));
        Assert.That(Remaining(cacheDir), Is.EqualTo(new[] { "one-minute", "two-hours" }));

        var hour = await CliRun.InvokeAsync(["cache", "clear", "--older-than", "1h", "--cache-dir", cacheDir]);
        Assert.That(hour.Out, Does.Contain("removed 1 entries"));
        Assert.That(Remaining(cacheDir), Is.EqualTo(new[] { "one-minute" }));
    }

    [TestCase("7")]
    [TestCase("7days")]
    [TestCase("1w")]
    [TestCase("soon")]
    public async Task Clear_with_a_bad_duration_exits_2_naming_the_flag_and_removes_nothing(string value)
    {
        using var dir = new TempDirectory();
        var cacheDir = dir.Combine("cache");
        using (var cache = SqliteResponseCache.Open(cacheDir))
        {
            cache.Put("old", "openai/m", new CachedResponse("a", "stop", null, null, DateTimeOffset.UtcNow.AddDays(-30)));
        }

        var run = await CliRun.InvokeAsync(["cache", "clear", "--older-than", value, "--cache-dir", cacheDir]);

        Assert.That(run.ExitCode, Is.EqualTo(EvalHarness.Cli.ExitCodes.BadInput), run.All);
        Assert.That(run.Error, Does.Contain($"--older-than: '{value}' is not valid").And.Contain("a duration such as 12h or 7d"));
        Assert.That(run.Out, Does.Not.Contain("removed"));
        Assert.That(Remaining(cacheDir), Is.EqualTo(new[] { "old" }));
    }

    private static string[] Remaining(string cacheDir)
    {
        using var cache = SqliteResponseCache.Open(cacheDir);
        return [.. new[] { "ten-days", "two-hours", "one-minute", "old" }.Where(k => cache.Find(k, DateTimeOffset.MinValue) is not null).Order(StringComparer.Ordinal)];
    }

    [Test]
    public void Cache_keys_cover_target_endpoint_messages_settings_and_epoch()
    {
        var target = new EvalHarness.Models.ModelInfo("openai/m", "openai", "m", "http://a/v1", true, "live");
        var request = new EvalHarness.Models.GenerationRequest("s", "id", 1, [new("user", "hi")], new EvalHarness.Suites.GenerationSettings { Temperature = 0 });
        var key = CacheKey.For(target, request);

        Assert.That(CacheKey.For(target, request with { SampleId = "other", Suite = "x" }), Is.EqualTo(key), "the same request from another sample is the same request");
        Assert.That(CacheKey.For(target with { Spec = "openai/n" }, request), Is.Not.EqualTo(key));
        Assert.That(CacheKey.For(target with { BaseUrl = "http://b/v1" }, request), Is.Not.EqualTo(key));
        Assert.That(CacheKey.For(target, request with { Messages = [new("user", "hi!")] }), Is.Not.EqualTo(key));
        Assert.That(CacheKey.For(target, request with { Messages = [new("system", "hi")] }), Is.Not.EqualTo(key));
        Assert.That(CacheKey.For(target, request with { Settings = new EvalHarness.Suites.GenerationSettings { Temperature = 0, MaxTokens = 5 } }), Is.Not.EqualTo(key));
        Assert.That(CacheKey.For(target, request with { Epoch = 2 }), Is.Not.EqualTo(key));
    }
}
