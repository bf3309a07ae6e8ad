using System.Text.Json;
using EvalHarness.Cli;
using EvalHarness.Logs;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.EndToEnd;

/// <summary>
/// An endpoint that echoes the Authorization header back, in answers and in errors, still gets the key
/// into no file the run wrote and no line it printed, whatever the key looks like.
/// </summary>
[TestFixture]
public sealed class SecretsTests
{
    private static FakeReply Echo(FakeRequest request, string text) => new()
    {
        Body = JsonSerializer.Serialize(new
        {
            id = "chatcmpl-echo",
            @object = "chat.completion",
            created = 1_700_000_000,
            model = "echo " + request.Authorization,
            choices = new[] { new { index = 0, message = new { role = "assistant", content = text }, finish_reason = "stop" } },
        }),
    };

    private static FakeReply EchoError(int status, FakeRequest request) =>
        FakeReply.Error(status, $"request with header 'Authorization: {request.Authorization}' refused") with
        {
            Headers = new Dictionary<string, string> { ["X-Echo-Authorization"] = request.Authorization ?? string.Empty },
        };

    private static (CliRun Run, string Output) Searched(CliRun run, TempDirectory dir, string key, params string[] fragments)
    {
        Assert.That(run.All, Does.Not.Contain(key), "console");
        foreach (var fragment in fragments)
        {
            Assert.That(run.All, Does.Not.Contain(fragment), "console");
        }

        var files = Directory.GetFiles(dir.Path, "*", SearchOption.AllDirectories);
        foreach (var file in files)
        {
            var bytes = File.ReadAllText(file);
            Assert.That(bytes, Does.Not.Contain(key), file);
            foreach (var fragment in fragments)
            {
                Assert.That(bytes, Does.Not.Contain(fragment), file);
            }
        }

        return (run, dir.Combine("run"));
    }

    [Test]
    public async Task A_key_echoed_in_answers_and_error_bodies_appears_nowhere()
    {
        const string key = "sk-echo-SECRETVALUE-4d2c8e0a6b1f";
        using var dir = new TempDirectory();
        var suite = SuiteFiles.Arithmetic(dir, 9);
        await using var server = await FakeOpenAiServer.StartAsync(r => (Runs.Number(r) % 3, r.Attempt) switch
        {
            (0, _) => Echo(r, $"{Runs.Correct(r)} (you sent Authorization: {r.Authorization})"),
            (1, 1) => EchoError(500, r),
            (1, _) => Echo(r, Runs.Correct(r) + " after a retry; raw key " + key),
            _ => EchoError(400, r),
        });

        var run = await CliRun.InvokeAsync(
            ["run", suite, "--model", "openai/m", "--base-url", server.BaseUrl.ToString(), "--out", dir.Combine("run"), "--max-connections", "2", "--max-retries", "2"],
            new Dictionary<string, string> { ["OPENAI_API_KEY"] = key, ["EVALH_CACHE_DIR"] = dir.Combine("cache") });

        Assert.That(server.Requests.All(r => r.Authorization == "Bearer " + key), Is.True, "the key was sent, so the echoes carried it");
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.All);
        var (_, output) = Searched(run, dir, key, "SECRETVALUE", "4d2c8e0a6b1f");
        Assert.That(Directory.GetFiles(dir.Combine("cache")), Is.Not.Empty, "the cache was written and searched");
        var log = RunLogReader.Read(Path.Combine(output, "log.jsonl"));
        Assert.That(log.Samples.Count(s => !s.IsError), Is.EqualTo(6), "answers that echoed the key were kept, with the key masked");
        Assert.That(log.Samples.Where(s => !s.IsError).Select(s => s.Output), Has.All.Contain("[REDACTED]"));
        Assert.That(log.Samples.Count(s => s.Retries is { Count: > 0 }), Is.EqualTo(3), "a 500 body with the key was recorded as a retry");
        Assert.That(log.Samples.Count(s => s.Error?.Status == 400), Is.EqualTo(3));
    }

    [TestCase(401)]
    [TestCase(403)]
    public async Task A_key_without_the_sk_prefix_is_masked_in_a_run_aborted_by_key_errors(int status)
    {
        const string key = "ZQXJ0vwu9TRS8pqo7NMLK6jih5GFED4cba";
        using var dir = new TempDirectory();
        var suite = SuiteFiles.Arithmetic(dir, 40);
        await using var server = await FakeOpenAiServer.StartAsync(r =>
            FakeReply.Error(status, $"Incorrect API key provided: {r.Authorization?.Replace("Bearer ", string.Empty, StringComparison.Ordinal)}. You sent 'Authorization: {r.Authorization}'.")
                with { Headers = new Dictionary<string, string> { ["WWW-Authenticate"] = "Bearer realm=\"" + key + "\"" } });

        var run = await CliRun.InvokeAsync(
            ["run", suite, "--model", "openai/m", "--base-url", server.BaseUrl.ToString(), "--out", dir.Combine("run"), "--max-connections", "2", "--api-key-env", "EVALH_TEST_KEY"],
            new Dictionary<string, string> { ["EVALH_TEST_KEY"] = key, ["EVALH_CACHE_DIR"] = dir.Combine("cache") });

        Assert.That(server.Requests.All(r => r.Authorization == "Bearer " + key), Is.True);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Aborted), run.All);
        Assert.That(run.Error, Does.Contain("run aborted"));
        var (_, output) = Searched(run, dir, key, key[..12], key[^12..]);
        var log = RunLogReader.Read(Path.Combine(output, "log.jsonl"));
        Assert.That(log.Footer?.Status, Is.EqualTo(RunStatus.Aborted));
        Assert.That(log.Samples.Select(s => s.Error?.Status), Has.All.EqualTo(status));
        Assert.That(log.Samples.Select(s => s.Error?.Message), Has.All.Contain("EVALH_TEST_KEY"), "the message points at the key variable");
        if (status == 403)
        {
            Assert.That(log.Samples.Select(s => s.Error?.Message), Has.All.Contain("Incorrect API key provided: [REDACTED]"), "the server's message was kept, with the key masked");
        }
    }
}
