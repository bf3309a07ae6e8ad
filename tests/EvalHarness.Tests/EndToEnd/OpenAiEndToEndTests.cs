using System.Globalization;
using System.Text.RegularExpressions;
using EvalHarness.Cli;
using EvalHarness.Logs;
using EvalHarness.Metrics;
using EvalHarness.Results;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.EndToEnd;

/// <summary>
/// The whole path a user takes: a suite on disk, `evalh run` with the real openai target, a real
/// OpenAI-compatible HTTP server on 127.0.0.1, and the files the run leaves behind.
/// </summary>
[TestFixture]
public sealed partial class OpenAiEndToEndTests
{
    private const string Key = "sk-e2e-UNMISTAKABLE-91c3d5e7f9a1b2";

    [Test]
    public async Task A_run_through_the_openai_target_produces_a_log_results_and_report_that_agree()
    {
        using var dir = new TempDirectory();
        var suite = SuiteFiles.Arithmetic(dir, 40, epochs: 2);

        // Correct except for every seventh question (7, 14, 21, 28, 35), so the expected accuracy is 35/40.
        await using var server = await FakeOpenAiServer.StartAsync(request =>
        {
            var n = int.Parse(QuestionNumber().Match(request.LastUserMessage).Groups[1].Value, CultureInfo.InvariantCulture);
            return FakeReply.Answer(n % 7 == 0 ? "I am not sure." : $"{n} + {n} = {2 * n}");
        });

        var output = dir.Combine("run");
        var run = await CliRun.InvokeAsync(
            ["run", suite, "--model", "openai/fake-model", "--base-url", server.BaseUrl.ToString(), "--out", output, "--max-connections", "8", "--seed", "11"],
            new Dictionary<string, string> { ["OPENAI_API_KEY"] = Key });

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.All);
        Assert.That(server.Requests, Has.Count.EqualTo(80));
        Assert.That(server.Requests.All(r => r.Authorization == "Bearer " + Key), Is.True);

        var log = RunLogReader.Read(Path.Combine(output, "log.jsonl"));
        Assert.That(log.Header.Model.Spec, Is.EqualTo("openai/fake-model"));
        Assert.That(log.Header.Model.BaseUrl, Is.EqualTo(server.BaseUrl.ToString().TrimEnd('/')));
        Assert.That(log.Header.Suites.Single().Files, Has.Count.EqualTo(2));
        Assert.That(log.Samples, Has.Count.EqualTo(80));
        Assert.That(log.Samples.All(s => s.Usage is { TotalTokens: 18 } && s.LatencyMs > 0 && s.Attempts == 1), Is.True);
        Assert.That(log.Footer!.Status, Is.EqualTo(RunStatus.Completed));

        var results = ResultsFile.Read(Path.Combine(output, "results.json"));
        var accuracy = results.Suites.Single().Metrics.Single();
        var wilson = Intervals.Wilson(35, 40)!;
        Assert.That(accuracy.Value, Is.EqualTo(35 / 40.0));
        Assert.That(accuracy.N, Is.EqualTo(40));
        Assert.That((accuracy.CiLow, accuracy.CiHigh), Is.EqualTo((wilson.Low, wilson.High)));
        Assert.That(results.Counts, Is.EqualTo(new ResultCounts(40, 40, 0, 0, 80, 0)));
        Assert.That(results.Model.Live, Is.True);
        var odd = results.Suites.Single().Groups.Single(g => g.Value == "odd");
        Assert.That(odd.Metrics.Single().N, Is.EqualTo(20));

        var report = File.ReadAllText(Path.Combine(output, "report.html"));
        Assert.That(report, Does.Contain("87.5%"));
        Assert.That(run.Out, Does.Contain("numeric accuracy: 87.5%"));
    }

    [Test]
    public async Task The_api_key_appears_in_no_file_the_run_wrote_and_nothing_it_printed()
    {
        using var dir = new TempDirectory();
        var suite = SuiteFiles.Arithmetic(dir, 6);
        var calls = 0;
        await using var server = await FakeOpenAiServer.StartAsync(request => (Interlocked.Increment(ref calls) % 3) switch
        {
            0 => FakeReply.Answer("12"),
            1 => FakeReply.Error(401, "Incorrect API key provided: " + Key),
            _ => FakeReply.Error(400, "bad request for key " + Key),
        });

        var output = dir.Combine("run");
        var run = await CliRun.InvokeAsync(
            ["run", suite, "--model", "openai/m", "--base-url", server.BaseUrl.ToString(), "--out", output],
            new Dictionary<string, string> { ["OPENAI_API_KEY"] = Key, ["EVALH_CACHE_DIR"] = dir.Combine("cache") });

        Assert.That(run.All, Does.Not.Contain(Key).And.Not.Contain("91c3d5e7f9a1b2"));
        Assert.That(Directory.GetFiles(dir.Combine("cache")), Is.Not.Empty, "the response cache is searched too");
        foreach (var file in Directory.GetFiles(dir.Path, "*", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            Assert.That(text, Does.Not.Contain(Key), file);
            Assert.That(text, Does.Not.Contain("91c3d5e7f9a1b2"), file);
        }

        var log = RunLogReader.Read(Path.Combine(output, "log.jsonl"));
        Assert.That(log.Samples.Select(s => s.Error?.Status).Distinct().Order(), Is.EqualTo(new int?[] { null, 400, 401 }), "answers, key errors and echoed keys were all exercised");
    }

    [GeneratedRegex(@"What is (\d+) \+")]
    private static partial Regex QuestionNumber();
}
