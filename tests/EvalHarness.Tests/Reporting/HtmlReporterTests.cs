using System.Globalization;
using System.Text.RegularExpressions;
using System.Security.Cryptography;
using System.Text;
using EvalHarness.Logs;
using EvalHarness.Metrics;
using EvalHarness.Reporting.Html;
using EvalHarness.Reports;
using EvalHarness.Results;
using EvalHarness.Scoring;
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
    public void The_explorer_index_gives_each_sample_its_verdict_kind_and_scorer_error()
    {
        var graded = ScoreMeaning.Graded(ValueRange.Unit);
        var suite = Suite(samples: 7) with
        {
            Scorers = [new ScorerHeader("exact", "exact", [], ["accuracy"]), new ScorerHeader("overlap", "char_f1", [], ["mean"], graded.Range, graded.Kind, graded.Direction)],
        };
        Score Value(double v) => new() { Value = v };
        SampleRecord With(string id, params (string Scorer, Score Score)[] scores) =>
            Record(id, 1, 1) with { Scores = scores.ToDictionary(s => s.Scorer, s => s.Score) };
        var log = new RunLog
        {
            Header = Header(suite),
            Samples =
            [
                With("pass", ("exact", Value(1))),
                With("fail", ("exact", Value(0))),
                With("partial", ("exact", Value(0.5))),
                With("graded", ("overlap", Value(0.4))),
                With("graded-and-pass", ("exact", Value(1)), ("overlap", Value(0.4))),
                With("unscored", ("exact", Score.Failed("could not score"))),
                Record("error", 1, null, error: "timeout"),
            ],
            Footer = new LogFooter { Ended = DateTimeOffset.UnixEpoch, Status = RunStatus.Completed, Planned = 7, Completed = 7, Errored = 1 },
        };

        var report = Render(log);

        var rows = report.Index.GetProperty("samples").EnumerateArray()
            .ToDictionary(r => r[1].GetString()!, r => (Verdict: r[3].GetString(), Kind: r[8].GetString(), ScorerError: r[9].GetInt32()));
        Assert.That(rows["pass"], Is.EqualTo(("pass", "verdict", 0)));
        Assert.That(rows["fail"], Is.EqualTo(("fail", "verdict", 0)));
        Assert.That(rows["partial"], Is.EqualTo(("partial", "verdict", 0)));
        Assert.That(rows["graded"], Is.EqualTo(("graded", "graded", 0)));
        Assert.That(rows["graded-and-pass"], Is.EqualTo(("pass", "graded", 0)), "a graded score makes the kind graded; the pass/fail beside it gives the verdict");
        Assert.That(rows["unscored"], Is.EqualTo(("unscored", "unscored", 1)));
        Assert.That(rows["error"], Is.EqualTo(("error", "unscored", 0)));
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
    public void A_comparison_lists_significant_regressions_first_with_their_marker_and_a_small_drop_as_no_significant_change()
    {
        // Baseline passes all 40; the candidate fails s00–s11 (McNemar b = 12, c = 0: p = 2 × 0.5^12, significant).
        var baselineLog = Log([.. Enumerable.Range(0, 40).Select(i => Record($"s{i:00}", 1, 1))]);
        var candidateLog = Log([.. Enumerable.Range(0, 40).Select(i => Record($"s{i:00}", 1, i < 12 ? 0 : 1))]);
        // Of 200, the baseline fails s000–s009 and the other run s010–s021: one point lower, which the old rule (any
        // delta) called a regression; McNemar b = 12, c = 10 gives p = 0.83, with a detectable difference of 6.5 points.
        var slightBaseline = Log([.. Enumerable.Range(0, 200).Select(i => Record($"s{i:000}", 1, i < 10 ? 0 : 1))]);
        var slightLog = Log([.. Enumerable.Range(0, 200).Select(i => Record($"s{i:000}", 1, i is >= 10 and < 22 ? 0 : 1))]);
        var builder = new ResultsBuilder(EvalCatalog.Core);
        var comparison = ComparisonBuilder.Compare(builder, candidateLog, builder.Build(candidateLog), baselineLog);
        var slight = ComparisonBuilder.Compare(builder, slightLog, builder.Build(slightLog), slightBaseline);

        var report = Render(candidateLog, comparison);
        var slightReport = Render(slightLog, slight);

        Assert.That(comparison.Deltas[0].Change, Is.EqualTo(MetricChange.Regression));
        Assert.That(report.Html, Does.Contain("id=\"comparison\""));
        var firstRow = report.Html[report.Html.IndexOf("<tr class=\"change-", StringComparison.Ordinal)..];
        Assert.That(firstRow, Does.StartWith("<tr class=\"change-regression\""));
        Assert.That(firstRow[..firstRow.IndexOf("</tr>", StringComparison.Ordinal)], Does.Contain("-30.0 pp [").And.Contain("<span class=\"sig\">*</span></td>"));
        Assert.That(report.Html, Does.Contain("id=\"comparison-legend\""));
        Assert.That(slight.Deltas.Single(d => d.Group is null).Delta, Is.EqualTo(-0.01).Within(1e-12));
        Assert.That(slight.Deltas.Single(d => d.Group is null).Change, Is.EqualTo(MetricChange.NoChange));
        Assert.That(slightReport.Html, Does.Not.Contain("<tr class=\"change-regression\"").And.Contain("<tr class=\"change-no_change\""));
        Assert.That(slightReport.Html, Does.Not.Contain("<span class=\"sig\">*</span></td>"), "no row is marked significant");
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
