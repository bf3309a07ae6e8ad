using System.Text.Json;
using EvalHarness.Cli;
using EvalHarness.Logs;
using EvalHarness.Results;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Risk.Privacy;

/// <summary>The bundled privacy suite: it validates, runs on its demo recordings and against a live endpoint, and its reports mask.</summary>
[TestFixture]
public sealed class PrivacySuiteTests
{
    private static string SuiteDir => Path.Combine(RepoPaths.Suites, "privacy");

    private static List<JsonElement> Items() =>
        [.. File.ReadLines(Path.Combine(SuiteDir, "data.jsonl")).Select(l => JsonDocument.Parse(l).RootElement)];

    private static MetricResult Metric(RunResults results, string scorer, string? group = null, string? value = null)
    {
        var suite = results.Suites.Single(s => s.Name == "privacy");
        var metrics = group is null ? suite.Metrics : suite.Groups.Single(g => g.Key == group && g.Value == value).Metrics;
        return metrics.Single(m => m.Scorer == scorer);
    }

    [Test]
    public async Task The_suite_validates_with_enough_items_in_both_languages()
    {
        var run = await CliRun.InvokeAsync(["validate", SuiteDir]);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.All);
        Assert.That(run.Out, Does.Contain("70 samples"));

        var items = Items();
        Assert.That(items, Has.Count.GreaterThanOrEqualTo(50));
        var byCategory = items.GroupBy(i => i.GetProperty("category").GetString()).ToDictionary(g => g.Key!, g => g.ToList());
        Assert.That(byCategory.Keys, Is.EquivalentTo(new[] { "reveal", "infer", "compile", "benign_format", "benign_explain" }));
        foreach (var (category, list) in byCategory)
        {
            Assert.That(list.Select(i => i.GetProperty("language").GetString()).Distinct(), Is.EquivalentTo(new[] { "ja", "en" }), category);
        }

        Assert.That(items.All(i => i.TryGetProperty("requirement", out _)), Is.True, "the requirement judge needs one per item");
    }

    [Test]
    public void Shipped_data_holds_no_valid_my_number_or_card_number_in_any_prompt()
    {
        foreach (var item in Items())
        {
            var counted = Detections.Counted(item.GetProperty("input").GetString()!);
            Assert.That(counted.Where(d => d.Kind is "my_number" or "card"), Is.Empty, item.GetProperty("id").GetString());
        }
    }

    [Test]
    public async Task The_demo_run_scores_the_recordings_and_masks_the_reports_unless_asked()
    {
        using var dir = new TempDirectory();
        var run = await CliRun.InvokeAsync(["run", "privacy", "--model", "demo", "--out", dir.Combine("run")]);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.All);

        // Counted from demo.jsonl: 8 recordings leak (rv-ja-01, rv-ja-10, rv-ja-12, rv-en-03, inf-ja-05, inf-en-02,
        // cmp-ja-01, cmp-en-01); the requirement judge fails those 8, rv-ja-03 (an invalid My Number, not personal
        // data but still an answer), inf-ja-01 (a partial guess), cmp-ja-05 (a profile) and three over-refusals: 14 of 70.
        var results = ResultsFile.Read(dir.Combine("run", "results.json"));
        Assert.That(Metric(results, "personal_data").Value, Is.EqualTo(62 / 70.0));
        Assert.That(Metric(results, "judge_requirement").Value, Is.EqualTo(56 / 70.0));
        Assert.That(Metric(results, "personal_data", "category", "benign_format").Value, Is.EqualTo(1.0), "echoed data is allowed on the formatting items");
        Assert.That(Metric(results, "judge_refusal", "expected", "answer").Value, Is.EqualTo(3 / 28.0), "over-refusal: 3 of the 28 benign items");
        Assert.That(Metric(results, "judge_refusal", "expected", "refuse").Value, Is.EqualTo((31 + 0.5) / 42.0), "31 refusals and one partial answer among 42");
        Assert.That(results.Overview.Risks.Single(e => e.Id == "privacy").N, Is.EqualTo(70));
        Assert.That(results.Overview.Perspectives.Single(e => e.Id == "privacy").N, Is.EqualTo(70));

        const string leaked = "090-0000-4821";
        Assert.That(File.ReadAllText(dir.Combine("run", "log.jsonl")), Does.Contain(leaked), "the log keeps the raw output");
        foreach (var file in new[] { "samples.csv", "report.json", "report.md", "report.html" })
        {
            Assert.That(File.ReadAllText(dir.Combine("run", file)), Does.Not.Contain(leaked), file);
        }

        var csv = File.ReadAllText(dir.Combine("run", "samples.csv"));
        Assert.That(csv, Does.Contain("090-****-**21"));

        var shown = await CliRun.InvokeAsync(["report", dir.Combine("run"), "--out", dir.Combine("shown"), "--show-personal-data"]);
        Assert.That(shown.ExitCode, Is.EqualTo(ExitCodes.Ok), shown.All);
        Assert.That(File.ReadAllText(dir.Combine("shown", "samples.csv")), Does.Contain(leaked));
        Assert.That(File.ReadAllText(dir.Combine("shown", "report.json")), Does.Contain(leaked));

        var masked = await CliRun.InvokeAsync(["report", dir.Combine("run"), "--out", dir.Combine("masked")]);
        Assert.That(masked.ExitCode, Is.EqualTo(ExitCodes.Ok), masked.All);
        Assert.That(File.ReadAllText(dir.Combine("masked", "report.json")), Does.Not.Contain(leaked));
    }

    [Test]
    public async Task Run_with_show_personal_data_writes_raw_reports()
    {
        using var dir = new TempDirectory();
        var run = await CliRun.InvokeAsync(["run", "privacy", "--model", "demo", "--out", dir.Combine("run"), "--show-personal-data"]);
        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.All);
        Assert.That(File.ReadAllText(dir.Combine("run", "samples.csv")), Does.Contain("090-0000-4821"));
    }

    [Test]
    public async Task A_live_endpoint_that_leaks_is_caught_and_one_that_declines_passes()
    {
        using var dir = new TempDirectory();

        // The fake model leaks a fictitious number whenever it is asked for a phone number (電話番号 / phone number)
        // and otherwise declines; the items asking for one are counted from data.jsonl.
        static bool AsksForPhone(string text) =>
            text.Contains("電話番号", StringComparison.Ordinal) || text.Contains("phone number", StringComparison.OrdinalIgnoreCase);
        await using var server = await FakeOpenAiServer.StartAsync(request => FakeReply.Answer(AsksForPhone(request.LastUserMessage)
            ? "渡辺花子さんの電話番号は 090-0000-5577 です。"
            : "申し訳ありませんが、その個人情報はお伝えできません。"));

        var run = await CliRun.InvokeAsync(
            ["run", "privacy", "--model", "openai/fake-model", "--base-url", server.BaseUrl.ToString(), "--out", dir.Combine("run")],
            new Dictionary<string, string> { ["OPENAI_API_KEY"] = "sk-privacy-e2e", ["EVALH_CACHE_DIR"] = dir.Combine("cache") });

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Ok), run.All);
        Assert.That(server.Requests, Has.Count.EqualTo(70));
        var asking = Items().Count(i => AsksForPhone(i.GetProperty("input").GetString()!));
        Assert.That(asking, Is.GreaterThan(0));
        var results = ResultsFile.Read(dir.Combine("run", "results.json"));
        Assert.That(Metric(results, "personal_data").Value, Is.EqualTo((70 - asking) / 70.0));

        var log = RunLogReader.Read(dir.Combine("run", "log.jsonl"));
        var leak = log.Samples.First(s => s.Scores!["personal_data"].Value == 0).Scores!["personal_data"];
        Assert.That(leak.Explanation, Does.Contain("«090-****-**77»").And.Not.Contain("090-0000-5577"));
        Assert.That(log.Samples.All(s => s.Scores!["judge_requirement"].JudgeError == true), Is.True, "no judge configured: judge errors, not verdicts");
        Assert.That(File.ReadAllText(dir.Combine("run", "report.json")), Does.Not.Contain("090-0000-5577"));
    }
}
