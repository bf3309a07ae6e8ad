using System.Globalization;
using System.Text.RegularExpressions;
using System.Security.Cryptography;
using System.Text;
using EvalHarness.Logs;
using EvalHarness.Metrics;
using EvalHarness.Reporting.Html;
using EvalHarness.Reports;
using EvalHarness.Results;
using EvalHarness.Tests.Support;
using static EvalHarness.Tests.Logs.RunLogTests;
using EvalHarness.Extensions;

namespace EvalHarness.Tests.Reporting;

[TestFixture]
public sealed class HtmlReporterTests
{
    private const string Payload = "</script><script>alert(1)</script><img src=x onerror=alert(2)>";

    private static HtmlReport Render(RunLog log, RunComparison? comparison = null, string? language = null)
    {
        using var dir = new TempDirectory();
        var results = new ResultsBuilder(EvalCatalog.Core).Build(log);
        var path = dir.Combine("report.html");
        HtmlReporter.Default.Write(new ReportInput(log, results, comparison, language), path);
        return new HtmlReport(File.ReadAllText(path));
    }

    private static RunLog Log(params SampleRecord[] records) => new()
    {
        Header = Header(Suite(samples: records.Length, groupBy: "category")),
        Samples = records,
        Footer = new LogFooter { Ended = DateTimeOffset.UnixEpoch, Status = RunStatus.Completed, Planned = records.Length, Completed = records.Length, Errored = 0 },
    };

    [Test]
    public void Only_the_reports_own_script_and_style_may_run_and_nothing_may_load()
    {
        var report = Render(Log(Record("a", 1, 1)));
        static string Hash(string s) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(s)));

        Assert.That(report.Policy, Does.StartWith("default-src 'none';"));
        Assert.That(report.Policy, Does.Contain($"script-src '{Hash(report.Script)}'"));
        Assert.That(report.Policy, Does.Contain($"style-src '{Hash(report.Style)}'"));
        Assert.That(report.Policy, Does.Not.Contain("unsafe"));
        Assert.That(report.Html, Does.Not.Match("(src|href)=\"(https?:)?//"), "no external resources");
        Assert.That(report.Html, Does.Not.Contain(" style=\""), "no inline style attributes: the policy forbids them");
    }

    [Test]
    public void Model_output_travels_intact_inside_the_encoded_island_and_never_as_markup()
    {
        var report = Render(Log(Record("a", 1, 1) with { Output = Payload, Targets = ["<b>t</b>"] }));

        Assert.That(report.Html, Does.Not.Contain("alert("), "the payload appears nowhere as text of the page");
        var index = report.Index.GetProperty("samples")[0];
        Assert.That(index[1].GetString(), Is.EqualTo("a"));
        Assert.That(index[3].GetString(), Is.EqualTo("pass"));
        var details = report.Chunks.Single().GetProperty("details")[0];
        Assert.That(details[1].GetString(), Is.EqualTo(Payload));
        Assert.That(details[2][0].GetString(), Is.EqualTo("<b>t</b>"));
    }

    [Test]
    public void Samples_texts_come_in_chunks_and_shared_prompts_are_written_once_per_chunk()
    {
        var prompt = "You are a careful assistant; answer in one word. 一語で答えてください。";
        var records = Enumerable.Range(0, 2500)
            .Select(i => Record("s" + i.ToString("D4", CultureInfo.InvariantCulture), 1, i % 2) with { Input = [new("system", prompt), new("user", "q" + i.ToString(CultureInfo.InvariantCulture))] })
            .ToArray();
        var report = Render(Log(records));

        Assert.That(report.Index.GetProperty("samples").GetArrayLength(), Is.EqualTo(2500));
        var chunks = report.Chunks;
        Assert.That(chunks.Select(c => c.GetProperty("details").GetArrayLength()), Is.EqualTo(new[] { 1000, 1000, 500 }));
        foreach (var chunk in chunks)
        {
            Assert.That(chunk.GetProperty("strings").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { prompt }));
            Assert.That(chunk.GetProperty("details")[0][0][0][1].GetInt32(), Is.EqualTo(0), "the system prompt refers to the shared string");
        }

        Assert.That(chunks[2].GetProperty("details")[499][0][1][1].GetString(), Is.EqualTo("q2499"));
    }

    [Test]
    public void Strings_rendered_by_the_template_are_escaped()
    {
        var hostileGroup = new Dictionary<string, string> { ["category"] = "<img src=x onerror=alert(3)>" };
        var report = Render(Log(Record("a", 1, 1, metadata: hostileGroup), Record("b", 1, null, error: "HTTP 500: <script>alert(4)</script>")));

        Assert.That(report.Html, Does.Contain("&lt;script&gt;alert(4)&lt;/script&gt;"), "error messages are shown as text");
        Assert.That(report.VisibleText, Does.Contain("HTTP 500: <script>alert(4)</script>"));
        Assert.That(report.VisibleText, Does.Contain("category = <img src=x onerror=alert(3)>"), "group values are shown as text");
        Assert.That(report.Html, Does.Not.Contain("<img"));
    }

    [Test]
    public void Every_metric_row_carries_the_exact_value_from_the_results()
    {
        var log = Log(Record("a", 1, 1, metadata: new() { ["category"] = "x" }), Record("b", 1, 0, metadata: new() { ["category"] = "x" }), Record("c", 1, 1, metadata: new() { ["category"] = "y" }));
        var results = new ResultsBuilder(EvalCatalog.Core).Build(log);
        var report = Render(log);

        var suite = results.Suites.Single();
        Assert.That(report.MetricValue("s||exact|accuracy"), Is.EqualTo(suite.Metrics.Single().Value!.Value.ToString("R", CultureInfo.InvariantCulture)));
        foreach (var group in suite.Groups)
        {
            Assert.That(report.MetricValue($"s|{group.Key} = {group.Value}|exact|accuracy"), Is.EqualTo(group.Metrics.Single().Value!.Value.ToString("R", CultureInfo.InvariantCulture)));
        }

        Assert.That(report.Html, Does.Contain(MetricFormat.Value(true, suite.Metrics.Single().Value)));
    }

    [Test]
    public void The_language_follows_the_suites_unless_one_is_asked_for()
    {
        var japanese = new RunLog { Header = Header(Suite() with { Language = "ja" }), Samples = [Record("a", 1, 1)] };
        Assert.That(Render(japanese).Html, Does.Contain("<html lang=\"ja\" data-lang=\"ja\">"));
        Assert.That(Render(japanese, language: "en").Html, Does.Contain("<html lang=\"en\" data-lang=\"en\">"));
        Assert.That(Render(Log(Record("a", 1, 1))).Html, Does.Contain("<span class=\"ja\" lang=\"ja\">概要</span>"), "both languages are in the page");
    }

    [Test]
    public void A_non_live_target_is_labelled_in_both_languages()
    {
        var report = Render(Log(Record("a", 1, 1)));
        Assert.That(report.Html, Does.Contain("class=\"banner\""));
        Assert.That(report.Html, Does.Contain("scripted"), "RunLogTests' target is a scripted one");
    }

    [Test]
    public void A_comparison_lists_regressions_first()
    {
        var baseline = new ResultsBuilder(EvalCatalog.Core).Build(Log(Record("a", 1, 1), Record("b", 1, 1), Record("c", 1, 0)));
        var candidateLog = Log(Record("a", 1, 1), Record("b", 1, 0), Record("c", 1, 0));
        var candidate = new ResultsBuilder(EvalCatalog.Core).Build(candidateLog);
        var comparison = ComparisonBuilder.Compare(candidate, baseline);

        var report = Render(candidateLog, comparison);

        Assert.That(comparison.Deltas[0].Change, Is.EqualTo(MetricChange.Regression));
        Assert.That(report.Html, Does.Contain("id=\"comparison\""));
        var firstRow = report.Html.IndexOf("<tr class=\"change-", StringComparison.Ordinal);
        Assert.That(report.Html[firstRow..].StartsWith("<tr class=\"change-regression\"", StringComparison.Ordinal), Is.True);
        Assert.That(report.Html, Does.Contain("-33.3 pp"));
        Assert.That(Render(candidateLog).Html, Does.Not.Contain("id=\"comparison\""));
    }

    [Test]
    public void The_overview_draws_every_perspective_and_marks_the_unmeasured_ones()
    {
        var tagged = new Dictionary<string, string> { ["perspective"] = "fairness" };
        var report = Render(Log(Record("a", 1, 1, metadata: tagged), Record("b", 1, 0, metadata: tagged)));

        Assert.That(report.Html, Does.Contain("data-overview=\"perspective:fairness\""));
        Assert.That(Regex.Count(report.Html, "<text class=\"label missing\""), Is.EqualTo(9 + 11), "nine perspectives and all eleven risks unmeasured");
    }
}
