using EvalHarness.Cli;
using EvalHarness.Logs;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Providers;

/// <summary>
/// `evalh run` with an anthropic/… model whose server throttles, is overloaded, refuses the key, does not
/// know the model, or echoes the key: retried, paced, aborted or masked as with openai/… models.
/// </summary>
[TestFixture]
public sealed class AnthropicRunFailureTests
{
    private const string Key = "ZQXJ0vwu9TRS8pqo7NMLK6jih5GFED4cba";

    private static async Task<(CliRun Cli, RunLog? Log)> RunAsync(TempDirectory dir, FakeAnthropicServer server, int samples, string model = "anthropic/claude-test", params string[] more)
    {
        var suite = SuiteFiles.Arithmetic(dir, samples);
        var cli = await CliRun.InvokeAsync(
            ["run", suite, "--model", model, "--base-url", server.BaseUrl.ToString(), "--out", dir.Combine("run"), "--api-key-env", "EVALH_ANTHROPIC_KEY", .. more],
            new Dictionary<string, string> { ["EVALH_ANTHROPIC_KEY"] = Key, ["EVALH_CACHE_DIR"] = dir.Combine("cache") });
        var log = dir.Combine("run", "log.jsonl");
        return (cli, File.Exists(log) ? RunLogReader.Read(log) : null);
    }

    /// <summary>Every run of twelve characters of the key: none may be printed or written anywhere, cache included.</summary>
    private static void AssertNoPartOfKey(CliRun run, TempDirectory dir)
    {
        var files = Directory.GetFiles(dir.Path, "*", SearchOption.AllDirectories);
        Assert.That(files, Has.Some.EndsWith("log.jsonl").And.Some.EndsWith("report.html").And.Some.Contains("cache"), "the files searched");
        foreach (var window in Enumerable.Range(0, Key.Length - 11).Select(i => Key.Substring(i, 12)))
        {
            Assert.That(run.All, Does.Not.Contain(window), "console");
            foreach (var file in files)
            {
                Assert.That(File.ReadAllText(file), Does.Not.Contain(window), file);
            }
        }
    }

    [Test]
    public async Task A_429_is_retried_after_the_retry_after_the_server_sent_and_logged_as_a_limit_record()
    {
        using var dir = new TempDirectory();
        await using var server = await FakeAnthropicServer.StartAsync(r => r.Attempt == 1 ? AnthropicReplies.RateLimited(0.2) : FakeReply.Answer(Runs.Correct(r)));

        var (cli, log) = await RunAsync(dir, server, 6);

        Assert.That(cli.ExitCode, Is.EqualTo(ExitCodes.Ok), cli.All);
        Assert.That(server.Requests, Has.Count.EqualTo(12), "the engine retried once per sample, the SDK not at all");
        Assert.That(log!.Samples.Select(s => (s.IsError, s.Attempts)), Has.All.EqualTo((false, 2)));
        var waits = log.Samples.Select(s => s.Retries!.Single()).ToList();
        Assert.That(waits.Select(w => w.Status), Has.All.EqualTo(429));
        Assert.That(waits.Select(w => w.WaitedMs), Has.All.GreaterThanOrEqualTo(200), "each retry waited what the server asked for");
        var cut = log.Limits.First(l => l.Limit < l.Previous);
        Assert.That((cut.Reason, cut.RetryAfterSeconds), Is.EqualTo(("rate limited (HTTP 429, Retry-After 0.2 s)", (double?)0.2)));
    }

    [Test]
    public async Task An_overloaded_server_is_asked_again_until_it_answers()
    {
        using var dir = new TempDirectory();
        await using var server = await FakeAnthropicServer.StartAsync(r => r.Attempt == 1 ? AnthropicReplies.Overloaded() : FakeReply.Answer(Runs.Correct(r)));

        var (cli, log) = await RunAsync(dir, server, 3);

        Assert.That(cli.ExitCode, Is.EqualTo(ExitCodes.Ok), cli.All);
        Assert.That(server.Requests, Has.Count.EqualTo(6), "the engine retried once per sample, the SDK not at all");
        Assert.That(log!.Samples.Select(s => (s.IsError, s.Attempts, s.Retries!.Single().Status)), Has.All.EqualTo((false, 2, (int?)529)));
        Assert.That(log.Samples.Select(s => s.Retries!.Single().Error), Has.All.Contain("overloaded (HTTP 529, overloaded_error)"));
    }

    [Test]
    public async Task A_hung_request_and_a_dropped_connection_are_retried()
    {
        using var dir = new TempDirectory();
        await using var server = await FakeAnthropicServer.StartAsync(r => (Runs.Number(r), r.Attempt) switch
        {
            (1, 1) => FakeReply.Hang(),
            (2, 1) => FakeReply.Reset(),
            _ => FakeReply.Answer(Runs.Correct(r)),
        });

        var (cli, log) = await RunAsync(dir, server, 3, more: ["--timeout", "2"]);

        Assert.That(cli.ExitCode, Is.EqualTo(ExitCodes.Ok), cli.All);
        Assert.That(log!.Samples.Where(s => !s.IsError).Select(s => s.Id), Is.EquivalentTo(new[] { "q0001", "q0002", "q0003" }));
        var retried = log.Samples.Where(s => s.Retries is not null).OrderBy(s => s.Id, StringComparer.Ordinal).Select(s => s.Retries!.Single().Error).ToList();
        Assert.That(retried, Has.Count.EqualTo(2));
        Assert.That(retried[0], Does.Contain("no answer within 2 s"));
        Assert.That(retried[1], Does.Contain(server.BaseUrl.ToString().TrimEnd('/')));
    }

    [Test]
    public async Task A_refused_key_aborts_the_run_naming_the_variable_and_the_key_is_masked()
    {
        using var dir = new TempDirectory();
        await using var server = await FakeAnthropicServer.StartAsync(r => AnthropicReplies.Error(401, "authentication_error", $"invalid x-api-key {r.Authorization}"));

        var (cli, log) = await RunAsync(dir, server, 30);

        Assert.That(server.Requests.Select(r => r.ApiKey), Has.All.EqualTo(Key), "the key was sent, so the echoes carried it");
        Assert.That(cli.ExitCode, Is.EqualTo(ExitCodes.Aborted), cli.All);
        Assert.That(cli.Error, Does.Contain("run aborted").And.Contain("EVALH_ANTHROPIC_KEY"));
        Assert.That(server.Requests.Count, Is.LessThan(30), "the run stopped instead of failing every sample");
        Assert.That(log!.Footer?.Status, Is.EqualTo(RunStatus.Aborted));
        Assert.That(log.Samples.Select(s => (s.Error?.Status, s.Attempts)), Has.All.EqualTo(((int?)401, 1)), "not retried");
        Assert.That(log.Samples.Select(s => s.Error?.Message), Has.All.Contain("check the API key in EVALH_ANTHROPIC_KEY"));
        AssertNoPartOfKey(cli, dir);
    }

    [Test]
    public async Task An_unknown_model_aborts_the_run_naming_the_model_and_the_base_url()
    {
        using var dir = new TempDirectory();
        await using var server = await FakeAnthropicServer.StartAsync(r => AnthropicReplies.Error(404, "not_found_error", "model: " + r.Model));

        var (cli, log) = await RunAsync(dir, server, 30, "anthropic/claude-nope");

        Assert.That(cli.ExitCode, Is.EqualTo(ExitCodes.Aborted), cli.All);
        Assert.That(cli.Error, Does.Contain("run aborted").And.Contain("'claude-nope'").And.Contain("--base-url"));
        Assert.That(log!.Samples.Select(s => (s.Error?.Status, s.Attempts)), Has.All.EqualTo(((int?)404, 1)));
    }

    [Test]
    public async Task A_key_echoed_in_answers_model_names_and_errors_is_masked_in_every_file_the_cache_and_the_console()
    {
        using var dir = new TempDirectory();
        await using var server = await FakeAnthropicServer.StartAsync(r => (Runs.Number(r) % 3, r.Attempt) switch
        {
            (0, _) => AnthropicReplies.Message([AnthropicReplies.Text($"{Runs.Correct(r)} (you sent x-api-key {Key})")], model: "claude-echo-" + Key[..20]),
            (1, 1) => AnthropicReplies.Error(500, "api_error", $"internal error for key {Key[5..30]}"),
            (1, _) => FakeReply.Answer(Runs.Correct(r) + " after a retry; the header was " + r.Authorization),
            _ => AnthropicReplies.Error(400, "invalid_request_error", $"bad request signed {Key[^14..]}"),
        });

        var (cli, log) = await RunAsync(dir, server, 9, more: ["--max-connections", "2", "--max-retries", "2"]);

        Assert.That(cli.ExitCode, Is.EqualTo(ExitCodes.Ok), cli.All);
        Assert.That(Directory.GetFiles(dir.Combine("cache")), Is.Not.Empty, "the answers were cached, and the cache is searched");
        AssertNoPartOfKey(cli, dir);
        var answered = log!.Samples.Where(s => !s.IsError).ToList();
        Assert.That(answered, Has.Count.EqualTo(6), "answers that echoed the key were kept");
        Assert.That(answered.Select(s => s.Output), Has.All.Contain("[REDACTED]"));
        Assert.That(answered.Where(s => s.Retries is null).Select(s => s.Model), Has.All.EqualTo("claude-echo-[REDACTED]"));
        Assert.That(answered.Count(s => s.Retries is { Count: 1 }), Is.EqualTo(3), "a 500 whose body held the key was recorded as a retry");
        Assert.That(log.Samples.Where(s => s.IsError).Select(s => s.Error!.Message), Has.All.Contain("bad request signed [REDACTED]"));
    }
}
