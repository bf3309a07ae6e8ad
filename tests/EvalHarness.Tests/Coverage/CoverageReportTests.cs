using System.Text.Json;
using System.Text.RegularExpressions;
using EvalHarness.Extensions;
using EvalHarness.Logs;
using EvalHarness.Reporting.Html;
using EvalHarness.Reporting.Json;
using EvalHarness.Reporting.Markdown;
using EvalHarness.Reports;
using EvalHarness.Results;
using EvalHarness.Taxonomy;
using EvalHarness.Tests.Reporting;
using EvalHarness.Tests.Support;
using static EvalHarness.Tests.Logs.RunLogTests;

namespace EvalHarness.Tests.Coverage;

/// <summary>
/// A run's overview lists every risk and perspective, the unmeasured ones as "not measured", and its
/// coverage (samples per tag, from the log alone) appears in results and in the HTML, Markdown and JSON reports.
/// </summary>
[TestFixture]
public sealed class CoverageReportTests
{
    /// <summary>
    /// Four bias samples (three ja, one en; one errored) tagged fairness, one privacy sample whose only score failed,
    /// one quality sample and one untagged: bias is measured (2 passes of 3 scored), privacy is tagged but has no pass rate.
    /// </summary>
    private static RunLog Log()
    {
        Dictionary<string, string> Bias(string language) => new() { ["risk"] = "bias", ["perspective"] = "fairness", ["language"] = language };
        SampleRecord[] samples =
        [
            Record("b1", 1, 1, metadata: Bias("ja")),
            Record("b2", 1, 1, metadata: Bias("ja")),
            Record("b3", 1, 0, metadata: Bias("en")),
            Record("b4", 1, null, error: "timeout", metadata: Bias("ja")),
            Record("p1", 1, null, metadata: new() { ["risk"] = "privacy", ["language"] = "ja" }),
            Record("q1", 1, 1, metadata: new() { ["quality"] = "japanese_language", ["language"] = "ja" }),
            Record("u1", 1, 1),
        ];
        return new RunLog
        {
            Header = Header(Suite(samples: samples.Length)),
            Samples = samples,
            Footer = new LogFooter { Ended = DateTimeOffset.UnixEpoch, Status = RunStatus.Completed, Planned = samples.Length, Completed = samples.Length, Errored = 1 },
        };
    }

    private static RunResults Results(RunLog log) => new ResultsBuilder(EvalCatalog.Core).Build(log);

    [Test]
    public void The_overview_lists_all_eleven_risks_and_ten_perspectives_and_marks_the_unmeasured_ones()
    {
        var overview = Results(Log()).Overview;

        Assert.That(overview.Risks.Select(r => r.Id), Is.EqualTo(RiskCategories.All.Select(r => r.Id)));
        Assert.That(overview.Perspectives.Select(p => p.Id), Is.EqualTo(Perspectives.All.Select(p => p.Id)));
        var bias = overview.Risks.Single(r => r.Id == "bias");
        using (Assert.EnterMultipleScope())
        {
            Assert.That((bias.Measured, bias.Value, bias.N), Is.EqualTo((true, 2.0 / 3, 3)), "the errored sample does not count");
            Assert.That(bias.CiLow, Is.Not.Null);
            Assert.That(overview.Risks.Where(r => r.Measured).Select(r => r.Id), Is.EqualTo(new[] { "bias" }), "privacy's only score failed: tagged, but not measured");
            Assert.That(overview.Risks.Where(r => !r.Measured), Has.All.Matches<OverviewEntry>(r => r!.Value == null && r.N == 0 && r.CiLow == null));
            Assert.That(overview.Perspectives.Where(p => p.Measured).Select(p => p.Id), Is.EqualTo(new[] { "fairness" }));
            Assert.That(overview.Quality.Single().Id, Is.EqualTo("japanese_language"));
            Assert.That((overview.Quality.Single().Value, overview.Quality.Single().N), Is.EqualTo((1.0, 1)), "quality is reported beside the risks");
        }
    }

    [Test]
    public void The_run_s_coverage_is_counted_from_the_log_s_tags()
    {
        var coverage = Results(Log()).Coverage;

        var bias = coverage.Risks.Single(r => r.Id == "bias");
        using (Assert.EnterMultipleScope())
        {
            Assert.That((coverage.Samples, coverage.Scored), Is.EqualTo((7, 6)));
            Assert.That((bias.Samples, bias.Scored), Is.EqualTo((4, 3)), "four tagged, the errored one not scored");
            Assert.That(bias.Languages.Select(l => (l.Language, l.Samples, l.Scored)), Is.EqualTo(new[] { ("ja", 3, (int?)2), ("en", 1, (int?)1) }));
            Assert.That(bias.Suites.Single().Scorers, Is.EqualTo(new[] { "exact" }));
            Assert.That(bias.Designed.Single().Suite, Is.EqualTo("bias"), "what the map says is designed for it");
            Assert.That(coverage.Risks.Single(r => r.Id == "privacy").Samples, Is.EqualTo(1), "tagged counts as covered even without a pass rate");
            Assert.That(coverage.NotCoveredRisks, Has.Count.EqualTo(9).And.No.Contains("bias").And.No.Contains("privacy"));
            Assert.That(coverage.NotCoveredPerspectives, Has.Count.EqualTo(9).And.No.Contains("fairness"));
            Assert.That(coverage.Quality.Single().Samples, Is.EqualTo(1));
        }
    }

    [Test]
    public void Html_marks_unmeasured_rows_and_radar_axes_and_has_a_coverage_section()
    {
        using var dir = new TempDirectory();
        var log = Log();
        var path = dir.Combine("report.html");
        HtmlReporter.Default.Write(new ReportInput(log, Results(log)), path);
        var html = new HtmlReport(File.ReadAllText(path)).Html;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Regex.Count(html, "<tr data-overview=\"(risk|perspective):[a-z_]+\" class=\"not-measured\">"), Is.EqualTo(10 + 9));
            Assert.That(html, Does.Contain("<tr data-overview=\"risk:bias\"><td>"));
            Assert.That(html, Does.Contain("<tr data-overview=\"quality:japanese_language\"><td>"));
            Assert.That(Regex.Count(html, "<span class=\"not-measured-label\"><span class=\"en\" lang=\"en\">not measured</span><span class=\"ja\" lang=\"ja\">未測定</span></span>"), Is.EqualTo(10 + 9));
            Assert.That(Regex.Count(html, "<circle class=\"not-measured-mark\""), Is.EqualTo(10 + 9), "each unmeasured radar axis is marked, not drawn as zero");
            Assert.That(Regex.Count(html, "<line class=\"spoke not-measured\""), Is.EqualTo(10 + 9));
            Assert.That(html, Does.Contain("aria-labelledby=\"radar-risks-text\""));
            Assert.That(html, Does.Contain("Risks (AI Basic Plan): 1 of 11 measured. Hallucination not measured;"));
            Assert.That(html, Does.Contain("差別・偏見 66.7%"));
            Assert.That(html, Does.Contain("<section id=\"coverage\">"));
            Assert.That(Regex.Count(html, "<tr data-coverage=\"risk:[a-z_]+\""), Is.EqualTo(11));
            Assert.That(Regex.Count(html, "<tr data-coverage=\"risk:[a-z_]+\" class=\"not-covered\">"), Is.EqualTo(9));
            Assert.That(html, Does.Contain("<tr data-coverage=\"risk:bias\"><td>"));
            Assert.That(html, Does.Contain("<td class=\"num\">3 <small>/ 4</small></td>"), "bias: 3 of its 4 samples scored");
            Assert.That(html, Does.Contain("<div>ja 2, en 1</div>"));
            Assert.That(html, Does.Contain("Chapter 3, Section 4, paragraph 6"));
            Assert.That(html, Does.Contain("id=\"not-covered\""));
        }
    }

    [Test]
    public void Markdown_lists_every_risk_with_not_measured_and_a_coverage_table()
    {
        using var dir = new TempDirectory();
        var log = Log();
        var path = dir.Combine("report.md");
        MarkdownReporter.Default.Write(new ReportInput(log, Results(log)), path);
        var markdown = File.ReadAllText(path);

        Assert.That(markdown, Does.Contain("| hallucination | Hallucination | ハルシネーション | not measured | – | 0 |"));
        Assert.That(markdown, Does.Contain("| bias | Discrimination and bias | 差別・偏見 | 66.7% |"));
        Assert.That(markdown, Does.Contain("1 of 11 measured; \"not measured\" means"));
        Assert.That(markdown, Does.Contain("## Japanese-language quality (beside the risks, not one of them)"));
        Assert.That(markdown, Does.Contain("## Coverage of the AI Basic Plan's risks"));
        Assert.That(markdown, Does.Contain("| bias | social | Chapter 1 (Mitigating risks), paragraph 1;"));
        Assert.That(markdown, Does.Contain("| 3 of 4 | ja 2, en 1; s 3 | bias |"));
        Assert.That(markdown, Does.Contain("| environmental\\_burden | social |").And.Contain("| not covered | – | no suite: No suite measures it"));
        Assert.That(markdown, Does.Contain("**Risks not covered by this run:** hallucination, misjudgment, inappropriate\\_output, criminal\\_use"));
    }

    [Test]
    public void Json_carries_the_coverage_and_the_not_measured_entries()
    {
        using var dir = new TempDirectory();
        var log = Log();
        var path = dir.Combine("report.json");
        JsonReporter.Default.Write(new ReportInput(log, Results(log)), path);
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var results = json.RootElement.GetProperty("results");

        var risks = results.GetProperty("overview").GetProperty("risks").EnumerateArray().ToList();
        Assert.That(risks, Has.Count.EqualTo(11));
        Assert.That(risks.Where(r => !r.GetProperty("measured").GetBoolean()).Select(r => r.GetProperty("id").GetString()).ToList(), Has.Count.EqualTo(10).And.No.Contains("bias"));
        Assert.That(results.GetProperty("overview").GetProperty("quality")[0].GetProperty("measured").GetBoolean(), Is.True);
        var coverage = results.GetProperty("coverage");
        Assert.That(coverage.GetProperty("not_covered_risks").EnumerateArray().Select(e => e.GetString()).ToList(), Has.Count.EqualTo(9));
        var bias = coverage.GetProperty("risks").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "bias");
        Assert.That((bias.GetProperty("samples").GetInt32(), bias.GetProperty("scored").GetInt32()), Is.EqualTo((4, 3)));
    }

    [Test]
    public void Results_json_round_trips_the_coverage_and_the_quality_overview()
    {
        using var dir = new TempDirectory();
        var results = Results(Log());
        var path = dir.Combine("results.json");

        ResultsFile.Write(path, results);
        var read = ResultsFile.Read(path);

        Assert.That(read.Overview.Quality.Single().N, Is.EqualTo(1));
        Assert.That(read.Overview.Risks.Count(r => r.Measured), Is.EqualTo(1));
        Assert.That(read.Coverage.Risks.Single(r => r.Id == "bias").Languages, Is.EqualTo(results.Coverage.Risks.Single(r => r.Id == "bias").Languages));
        Assert.That(read.Coverage.NotCoveredRisks, Is.EqualTo(results.Coverage.NotCoveredRisks));
    }

    [Test]
    public async Task The_demo_run_of_smoke_and_japanese_quality_measures_no_risk_and_shows_japanese_quality_beside_them()
    {
        using var dir = new TempDirectory();
        var run = await CliRun.InvokeAsync(["run", "smoke", "japanese-quality", "--model", "demo", "--out", dir.Combine("run")]);
        Assert.That(run.ExitCode, Is.EqualTo(0), run.All);

        var results = ResultsFile.Read(dir.Combine("run", "results.json"));
        var html = File.ReadAllText(dir.Combine("run", "report.html"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(results.Overview.Risks, Has.Count.EqualTo(11).And.All.Matches<OverviewEntry>(r => !r!.Measured), "no item of these suites was designed to measure a risk");
            Assert.That(results.Overview.Perspectives, Has.Count.EqualTo(10).And.All.Matches<OverviewEntry>(p => !p!.Measured));
            Assert.That(results.Overview.Quality.Single().Measured, Is.True);
            Assert.That(results.Overview.Quality.Single().N, Is.EqualTo(78));
            Assert.That(results.Coverage.NotCoveredRisks, Has.Count.EqualTo(11));
            Assert.That(html, Does.Not.Contain("<tr data-overview=\"risk:hallucination\"><td>"), "hallucination is not shown as a measured pass rate");
            Assert.That(html, Does.Contain("<tr data-overview=\"risk:hallucination\" class=\"not-measured\">"));
            Assert.That(Regex.Count(html, "未測定"), Is.GreaterThanOrEqualTo(21));
            Assert.That(html, Does.Contain("<tr data-overview=\"quality:japanese_language\"><td>"));
        }
    }
}
