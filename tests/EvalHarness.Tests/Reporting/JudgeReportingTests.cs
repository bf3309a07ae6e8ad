using System.Text.Json;
using System.Text.Json.Nodes;
using EvalHarness.Cli.Console;
using EvalHarness.Extensions;
using EvalHarness.Logs;
using EvalHarness.Reporting.Html;
using EvalHarness.Reporting.Json;
using EvalHarness.Reporting.Markdown;
using EvalHarness.Reports;
using EvalHarness.Results;
using EvalHarness.Scoring;
using EvalHarness.Tests.Support;
using static EvalHarness.Tests.Reporting.JudgedLogs;

namespace EvalHarness.Tests.Reporting;

/// <summary>
/// Judged runs in report.md, report.json, the page's data and the console: who judged, recorded verdicts
/// flagged as such, where a re-scored run came from, and judge errors counted as neither pass nor fail.
/// </summary>
[TestFixture]
public sealed class JudgeReportingTests
{
    private static readonly ScoredFrom Source = new("20260101T000000Z-source", new string('f', 64));

    [Test]
    public void Markdown_flags_recorded_verdicts_under_the_title_and_names_the_judge_with_its_settings()
    {
        using var dir = new TempDirectory();
        var log = Log(Header(1, Role(DemoJudge)), Verdict("demo", "C", "fine\nVerdict: C"));

        var lines = Markdown(dir, log).Split('\n');

        Assert.That(lines[2], Is.EqualTo("> **Scripted (not a live model)**"));
        Assert.That(lines[4], Is.EqualTo("> **Recorded judge verdicts, not a live judge**"), "right under the model's own banner");
        Assert.That(lines, Does.Contain(@"- **Judge:** demo (recorded judge verdicts, not a live judge); temperature 0, seed 7"));
    }

    [Test]
    public void Markdown_names_each_judge_of_a_live_panel_its_vote_and_the_run_a_rescored_run_came_from()
    {
        using var dir = new TempDirectory();
        var header = Header(1, Role(LiveJudge("judge-a"), LiveJudge("judge-b"), LiveJudge("judge-c"))) with { ScoredFrom = Source };

        var markdown = Markdown(dir, Log(header, Verdict("openai/judge-a", "C", "Verdict: C")));

        Assert.That(markdown, Does.Contain(
            @"- **Judges:** openai/judge-a at https://judges.example/v1 (live model), openai/judge-b at https://judges.example/v1 (live model), " +
            @"openai/judge-c at https://judges.example/v1 (live model); panel of 3, vote majority; temperature 0, seed 7"));
        Assert.That(markdown, Does.Contain($"- **Re-scored from:** run {Source.RunId} (log.jsonl SHA-256 {Source.LogSha256})"));
        Assert.That(markdown, Does.Not.Contain("judge verdicts, not a live judge"), "live judges need no warning");
    }

    [Test]
    public void A_run_without_judges_reads_as_before()
    {
        using var dir = new TempDirectory();
        var log = new RunLog { Header = Logs.RunLogTests.Header(Logs.RunLogTests.Suite()), Samples = [Logs.RunLogTests.Record("a", 1, 1)] };

        var markdown = Markdown(dir, log);
        using var console = new StringWriter();
        ResultsPrinter.Print(console, Build(log), log.Header);

        Assert.That(markdown, Does.Not.Contain("Judge").And.Not.Contain("judge"));
        Assert.That(console.ToString(), Does.Not.Contain("judge"));
    }

    [Test]
    public void Judge_errors_stand_beside_n_as_neither_pass_nor_fail_in_markdown_and_on_the_console()
    {
        using var dir = new TempDirectory();
        var log = Log(
            Header(6, Role(DemoJudge)),
            Verdict("demo", "C", "Verdict: C"),
            Verdict("demo", "C", "Verdict: C"),
            Verdict("demo", "I", "Verdict: I"),
            JudgeError("demo", "no verdict (C or I) found in the judge's answer"),
            JudgeError("demo", "the judge demo failed: HTTP 500"),
            Score.Failed("the rubric could not be rendered"));
        var onlyJudgeErrors = Log(Header(2, Role(DemoJudge)), Verdict("demo", "C", "Verdict: C"), JudgeError("demo", "no verdict"));

        var markdown = Markdown(dir, log);
        var console = Console(log);

        Assert.That(Build(log).Suites[0].Metrics[0].JudgeErrors, Is.EqualTo(2), "results.json counts them (judge_errors)");
        Assert.That(markdown, Does.Contain("| req | accuracy | 66.7% | ").And.Contain(" | 3 (3 unscored, 2 of them judge errors: neither pass nor fail) |"));
        Assert.That(markdown, Does.Contain("A judge error is a sample whose judge failed or gave no readable verdict: it counts neither as a pass nor as a fail"));
        Assert.That(console, Does.Contain("  req accuracy: 66.7% ").And.Contain(" n=3 (3 unscored, 2 of them judge errors: neither pass nor fail)"));
        Assert.That(Console(onlyJudgeErrors), Does.Contain(" n=1 (1 judge error: neither pass nor fail)"));
        Assert.That(Markdown(dir, onlyJudgeErrors), Does.Contain(" | 1 (1 judge error: neither pass nor fail) |"));
    }

    [Test]
    public void Markdown_lists_each_rubric_a_suites_verdicts_depend_on_with_its_sha256()
    {
        using var dir = new TempDirectory();

        var markdown = Markdown(dir, Log(Header(1, Role(DemoJudge)), Verdict("demo", "C", "Verdict: C")));

        Assert.That(markdown, Does.Contain("| Scorer | Rubric | Source | SHA-256 |"));
        Assert.That(markdown, Does.Contain($"| req | rubric requirement (en) | built-in | {RubricSha256} |"));
    }

    [Test]
    public void The_console_notes_recorded_verdicts_names_live_judges_and_shows_judge_names_safely()
    {
        var demo = Log(Header(1, Role(DemoJudge)), Verdict("demo", "C", "Verdict: C"));
        var hostile = LiveJudge("judge-a") with { Spec = "openai/\u001b[2Jjudge" };
        var panel = Log(Header(1, Role(hostile, LiveJudge("judge-b"))) with { ScoredFrom = Source }, Verdict("openai/judge-b", "C", "Verdict: C"));

        var demoText = Console(demo);
        var panelText = Console(panel);
        using var headerless = new StringWriter();
        ResultsPrinter.Print(headerless, Build(demo));

        Assert.That(demoText, Does.Contain("NOTE: judge: demo (recorded judge verdicts, not a live judge); temperature 0, seed 7\n"));
        Assert.That(panelText, Does.Contain(
            "judges: openai/\\u001B[2Jjudge at https://judges.example/v1 (live model), openai/judge-b at https://judges.example/v1 (live model); panel of 2, vote majority; temperature 0, seed 7\n"));
        Assert.That(panelText, Does.Not.Contain("NOTE: judge"));
        Assert.That(panelText.Contains('\u001b', StringComparison.Ordinal), Is.False, "the escape character is shown, not sent to the terminal");
        Assert.That(panelText, Does.Contain($"re-scored from run {Source.RunId} (log.jsonl SHA-256 {Source.LogSha256})"));
        Assert.That(headerless.ToString(), Does.Not.Contain("judge:"), "callers that pass no header get the summary they always had");
    }

    [Test]
    public void Report_json_says_who_judged_and_where_a_rescored_run_came_from()
    {
        using var dir = new TempDirectory();
        var header = Header(2, Role(DemoJudge)) with { ScoredFrom = Source };
        var log = Log(header, Verdict("demo", "C", "Verdict: C"), JudgeError("demo", "no verdict"));
        var plain = new RunLog { Header = Logs.RunLogTests.Header(Logs.RunLogTests.Suite()), Samples = [Logs.RunLogTests.Record("a", 1, 1)] };

        var report = Json(dir, log);
        var roles = report["roles"]!.AsArray();

        Assert.That(roles, Has.Count.EqualTo(1));
        Assert.That((string?)roles[0]!["name"], Is.EqualTo("judge"));
        Assert.That((string?)roles[0]!["models"]![0]!["label"], Is.EqualTo("recorded judge verdicts, not a live judge"));
        Assert.That((bool?)roles[0]!["models"]![0]!["live"], Is.False);
        Assert.That((double?)roles[0]!["settings"]!["temperature"], Is.EqualTo(0));
        Assert.That((string?)report["scored_from"]!["run_id"], Is.EqualTo(Source.RunId));
        Assert.That((string?)report["scored_from"]!["log_sha256"], Is.EqualTo(Source.LogSha256));
        Assert.That((int?)report["results"]!["suites"]![0]!["metrics"]![0]!["judge_errors"], Is.EqualTo(1));
        Assert.That(Json(dir, plain).AsObject().Select(p => p.Key), Is.EqualTo(new[] { "schema", "results", "samples" }), "nothing added to a run without judges");
    }

    [Test]
    public void The_pages_data_holds_each_judge_call_but_not_the_prompts_and_ignores_metadata_of_another_shape()
    {
        using var dir = new TempDirectory();
        var followUp = new Score
        {
            Value = 0,
            Answer = "I",
            Metadata = Metadata(["demo"], Call("demo", 1, "<b>unsure</b>", null, "no verdict"), Call("demo", 2, "Verdict: I", "I", null)),
        };
        var malformed = new Score { Value = 1, Metadata = new JsonObject { ["judge"] = "not an object" } };
        var oddCall = new Score { Value = 1, Metadata = Metadata(["demo"], new JsonObject { ["judge"] = 42, ["raw"] = new JsonArray(), ["attempt"] = "x" }, JsonValue.Create("not a call")) };
        var log = Log(Header(5, Role(DemoJudge)), followUp, JudgeError("demo", "the judge demo failed"), malformed, oddCall, Score.Pass("a", "plain"));

        var scores = HtmlChunk(dir, log).Select(d => d[4][0]).ToList();

        var judged = scores[0][5];
        Assert.That(judged.GetProperty("rubric").GetString(), Is.EqualTo("requirement"));
        Assert.That(judged.GetProperty("sha256").GetString(), Is.EqualTo(RubricSha256));
        Assert.That(judged.GetProperty("calls").GetRawText(), Is.EqualTo("""[["demo",1,"<b>unsure</b>",null,"no verdict",0],["demo",2,"Verdict: I","I",null,0]]"""));
        Assert.That(judged.TryGetProperty("failed", out _), Is.False);
        Assert.That(scores[1][5].GetProperty("failed").GetInt32(), Is.EqualTo(1), "a judge error is marked");
        Assert.That(scores[1][5].GetProperty("calls")[0][2].ValueKind, Is.EqualTo(JsonValueKind.Null), "no reply");
        Assert.That(scores[2].GetArrayLength(), Is.EqualTo(5), "metadata that is not a judge's adds nothing");
        Assert.That(scores[3][5].GetProperty("calls").GetRawText(), Is.EqualTo("[[null,1,null,null,null,0]]"), "fields of the wrong type are left out");
        Assert.That(scores[4].GetArrayLength(), Is.EqualTo(5));
        Assert.That(Page(dir, log), Does.Not.Contain("RUBRIC-PROMPT-MARKER"));
    }

    [Test]
    public void The_page_header_names_the_judge_escaped_and_flags_recorded_verdicts()
    {
        using var dir = new TempDirectory();
        var hostile = LiveJudge("x") with { Spec = "<img src=x onerror=alert(1)>" };

        var demo = new HtmlReport(Page(dir, Log(Header(1, Role(DemoJudge)), Verdict("demo", "C", "Verdict: C"))));
        var live = new HtmlReport(Page(dir, Log(Header(1, Role(hostile)) with { ScoredFrom = Source }, Verdict("x", "C", "Verdict: C"))));

        Assert.That(demo.Html, Does.Contain("<p class=\"banner judge-banner\" role=\"note\"><span class=\"en\" lang=\"en\">recorded judge verdicts, not a live judge</span>"));
        Assert.That(live.Html, Does.Not.Contain("judge-banner"));
        Assert.That(live.Html, Does.Not.Contain("<img src"));
        Assert.That(live.VisibleText, Does.Contain("<img src=x onerror=alert(1)> · https://judges.example/v1 — live model"), "shown as text");
        Assert.That(live.VisibleText, Does.Contain(Source.LogSha256));
    }

    private static RunResults Build(RunLog log) => new ResultsBuilder(EvalCatalog.Core).Build(log);

    private static string Markdown(TempDirectory dir, RunLog log)
    {
        var path = dir.Combine("report.md");
        MarkdownReporter.Default.Write(new ReportInput(log, Build(log)), path);
        return File.ReadAllText(path);
    }

    private static JsonNode Json(TempDirectory dir, RunLog log)
    {
        var path = dir.Combine("report.json");
        JsonReporter.Default.Write(new ReportInput(log, Build(log)), path);
        return JsonNode.Parse(File.ReadAllText(path))!;
    }

    private static string Page(TempDirectory dir, RunLog log)
    {
        var path = dir.Combine("report.html");
        HtmlReporter.Default.Write(new ReportInput(log, Build(log)), path);
        return File.ReadAllText(path);
    }

    /// <summary>The first chunk's details: [input, output, targets, choices, scores, error, turns] per sample.</summary>
    private static List<JsonElement> HtmlChunk(TempDirectory dir, RunLog log) =>
        new HtmlReport(Page(dir, log)).Chunks[0].GetProperty("details").EnumerateArray().ToList();

    private static string Console(RunLog log)
    {
        using var output = new StringWriter();
        ResultsPrinter.Print(output, Build(log), log.Header);
        return output.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
