using EvalHarness.Cli;
using EvalHarness.Logs;
using EvalHarness.Results;
using EvalHarness.Tests.Judges.EndToEnd;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Providers;

/// <summary>
/// `evalh run` with an anthropic/… model, and with one as the judge of an openai/… model, against servers on
/// 127.0.0.1 that speak the Messages API; the response cache; a key pasted into a spec or an endpoint.
/// </summary>
[TestFixture]
public sealed class AnthropicEndToEndTests
{
    private const string Key = "sk-ant-e2e-UNMISTAKABLE-3b5d7f9a1c2e";

    private static Dictionary<string, string> Variables(TempDirectory dir, string? key = Key) => new()
    {
        ["ANTHROPIC_API_KEY"] = key ?? string.Empty,
        ["EVALH_CACHE_DIR"] = dir.Combine("cache"),
    };

    private static Task<CliRun> RunAsync(TempDirectory dir, string suite, FakeAnthropicServer server, string output = "run", params string[] more) => CliRun.InvokeAsync(
        ["run", suite, "--model", "anthropic/claude-test", "--base-url", server.BaseUrl.ToString(), "--out", dir.Combine(output), .. more],
        Variables(dir));

    [Test]
    public async Task A_run_through_the_anthropic_model_produces_a_log_results_and_report()
    {
        using var dir = new TempDirectory();
        var suite = SuiteFiles.Arithmetic(dir, 12);

        // Right except for every fourth question (4, 8, 12): accuracy 9/12.
        await using var server = await FakeAnthropicServer.StartAsync(r => FakeReply.Answer(Runs.Number(r) % 4 == 0 ? "I am not sure." : Runs.Correct(r)));

        var run = await RunAsync(dir, suite, server, more: ["--temperature", "0", "--max-tokens", "64"]);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.All);
        Assert.That(server.Requests, Has.Count.EqualTo(12));
        Assert.That(server.Requests.Select(r => r.ApiKey), Has.All.EqualTo(Key));
        Assert.That(server.Requests.Select(r => r.Request.Body["max_tokens"]!.GetValue<int>()), Has.All.EqualTo(64));
        Assert.That(server.Requests.Select(r => r.Request.Body["temperature"]!.GetValue<double>()), Has.All.EqualTo(0));

        var log = RunLogReader.Read(dir.Combine("run", "log.jsonl"));
        Assert.That((log.Header.Model.Spec, log.Header.Model.Provider, log.Header.Model.Live), Is.EqualTo(("anthropic/claude-test", "anthropic", true)));
        Assert.That(log.Header.Model.BaseUrl, Is.EqualTo(server.BaseUrl.ToString().TrimEnd('/')));
        Assert.That(log.Samples, Has.Count.EqualTo(12));
        Assert.That(log.Samples.Select(s => (s.FinishReason, s.Model, s.Usage?.TotalTokens, s.Attempts)), Has.All.EqualTo(("stop", "claude-test", (long?)18, 1)));
        Assert.That(log.Footer!.Status, Is.EqualTo(RunStatus.Completed));

        var accuracy = ResultsFile.Read(dir.Combine("run", "results.json")).Suites.Single().Metrics.Single();
        Assert.That((accuracy.Value, accuracy.N), Is.EqualTo((9 / 12.0, 12)));
        Assert.That(File.ReadAllText(dir.Combine("run", "report.html")), Does.Contain("anthropic/claude-test").And.Contain("75.0%"));
    }

    [Test]
    public async Task An_anthropic_judge_grades_a_run_whose_model_is_openai_with_its_own_endpoint_and_key()
    {
        const string judgeKey = "sk-ant-judge-OWNKEY-6e8f0a2c4d1b";
        using var dir = new TempDirectory();
        var suite = JudgeSuites.Write(dir, JudgeSuites.Requirement, JudgeSuites.Samples(3));
        await using var model = await FakeOpenAiServer.StartAsync(JudgeRuns.Answer);
        await using var judge = await FakeAnthropicServer.StartAsync(r =>
            FakeReply.Answer(JudgeRuns.JudgedSample(r) == "s3" ? "The requirement is not met.\nGRADE: I" : "The requirement is met.\nGRADE: C"));

        var run = await JudgeRuns.RunAsync(
            dir, suite, model, null,
            ["--judge", "anthropic/claude-judge", "--judge-base-url", judge.BaseUrl.ToString(), "--judge-api-key-env", "JUDGE_KEY"],
            variables: new Dictionary<string, string> { ["JUDGE_KEY"] = judgeKey });

        Assert.That(run.Cli.ExitCode, Is.EqualTo(ExitCodes.Ok), run.Cli.All);
        Assert.That(judge.Requests, Has.Count.EqualTo(3));
        Assert.That(judge.Requests.Select(r => r.ApiKey), Has.All.EqualTo(judgeKey), "the judge got the key of --judge-api-key-env");
        Assert.That(model.Requests.Select(r => r.Authorization), Has.All.EqualTo("Bearer " + JudgeRuns.ModelKey), "the model got its own key");
        var request = judge.Requests.Single(r => JudgeRuns.JudgedSample(r.Request) == "s1");
        Assert.That(request.System, Is.Not.Empty, "the rubric's system prompt goes in the system parameter");
        Assert.That(request.Request.Messages.Select(m => m!["role"]!.GetValue<string>()), Has.None.EqualTo("system"));
        Assert.That(request.Request.Body["temperature"]!.GetValue<double>(), Is.Zero);
        Assert.That(request.Request.Body["max_tokens"]!.GetValue<int>(), Is.EqualTo(2048));

        Assert.That(run.Log.Header.Roles!.Single().Models.Single().Spec, Is.EqualTo("anthropic/claude-judge"));
        Assert.That(run.Log.Header.Roles!.Single().Models.Single().BaseUrl, Is.EqualTo(judge.BaseUrl.ToString().TrimEnd('/')));
        Assert.That(new[] { "s1", "s2", "s3" }.Select(s => run.Score(s, "req").Value), Is.EqualTo(new double?[] { 1, 1, 0 }));
        Assert.That(run.Calls("s3", "req")[0]!["raw"]!.GetValue<string>(), Is.EqualTo("The requirement is not met.\nGRADE: I"));
    }

    [Test]
    public async Task A_second_run_is_answered_from_the_response_cache()
    {
        using var dir = new TempDirectory();
        var suite = SuiteFiles.Arithmetic(dir, 5, epochs: 2);
        await using var server = await FakeAnthropicServer.StartAsync(r => FakeReply.Answer(Runs.Correct(r)));

        var first = await RunAsync(dir, suite, server, "first");
        var asked = server.Requests.Count;
        var second = await RunAsync(dir, suite, server, "second");

        Assert.That((first.ExitCode, second.ExitCode), Is.EqualTo((ExitCodes.Ok, ExitCodes.Ok)), first.All + second.All);
        Assert.That(asked, Is.EqualTo(10), "each epoch is its own request");
        Assert.That(server.Requests, Has.Count.EqualTo(10), "the second run asked nothing");
        // Samples are logged as they finish, so both logs are compared in sample order.
        var firstLog = RunLogReader.Read(dir.Combine("first", "log.jsonl")).Samples.OrderBy(s => s.Id, StringComparer.Ordinal).ThenBy(s => s.Epoch);
        var secondLog = RunLogReader.Read(dir.Combine("second", "log.jsonl")).Samples.OrderBy(s => s.Id, StringComparer.Ordinal).ThenBy(s => s.Epoch);
        Assert.That(secondLog.Select(s => (s.Id, s.Epoch, s.Cached, s.Attempts, s.Output)), Is.EqualTo(firstLog.Select(s => (s.Id, s.Epoch, true, 0, s.Output))));
    }

    [TestCase("--model", "anthropic/" + Key, TestName = "{m}(the key as the model)")]
    [TestCase("--model", "openai/claude-UNMISTAKABLE-3b5d", TestName = "{m}(a long part of the key in another kind's model)")]
    [TestCase("--base-url", "http://127.0.0.1:9/" + Key, TestName = "{m}(the key in the base URL)")]
    [TestCase("ANTHROPIC_BASE_URL", "https://gateway.example/" + Key, TestName = "{m}(the key in ANTHROPIC_BASE_URL)")]
    public async Task A_spec_or_endpoint_holding_the_key_is_refused_before_anything_is_written(string where, string value)
    {
        using var dir = new TempDirectory();
        var suite = SuiteFiles.Arithmetic(dir, 2);
        var variables = Variables(dir);
        string[] args = where switch
        {
            "--model" => ["run", suite, "--model", value, "--base-url", "http://127.0.0.1:9", "--out", dir.Combine("run")],
            "--base-url" => ["run", suite, "--model", "anthropic/claude-test", "--base-url", value, "--out", dir.Combine("run")],
            _ => ["run", suite, "--model", "anthropic/claude-test", "--out", dir.Combine("run")],
        };
        if (where == "ANTHROPIC_BASE_URL")
        {
            variables["ANTHROPIC_BASE_URL"] = value;
        }

        var run = await CliRun.InvokeAsync(args, variables);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.BadInput), run.All);
        Assert.That(run.Error, Does.Contain(where).And.Contain("contains the API key from ANTHROPIC_API_KEY"));
        Assert.That(run.All, Does.Not.Contain("UNMISTAKABLE"));
        Assert.That(Directory.Exists(dir.Combine("run")), Is.False, "no run directory");
        Assert.That(Directory.Exists(dir.Combine("cache")), Is.False, "no cache");
    }

    [Test]
    public async Task The_model_kind_is_listed_with_its_variables()
    {
        var list = await CliRun.InvokeAsync(["list", "models"]);

        Assert.That(list.ExitCode, Is.EqualTo(ExitCodes.Ok), list.All);
        Assert.That(list.Out, Does.Contain("anthropic/<model>").And.Contain("ANTHROPIC_API_KEY").And.Contain("ANTHROPIC_BASE_URL"));
    }
}
