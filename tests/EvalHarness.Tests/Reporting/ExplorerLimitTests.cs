using EvalHarness.Cli;
using EvalHarness.Logs;
using EvalHarness.Reporting.Html;
using EvalHarness.Reports;
using EvalHarness.Results;
using EvalHarness.Tests.Support;
using static EvalHarness.Tests.Logs.RunLogTests;

namespace EvalHarness.Tests.Reporting;

/// <summary>
/// A page cannot carry a million samples' texts: the explorer holds the first samples of each suite, says so, and
/// every figure still counts them all (issue 21).
/// </summary>
[TestFixture]
public sealed class ExplorerLimitTests
{
    [Test]
    public void The_explorer_holds_the_first_samples_of_each_suite_and_says_how_many_of_how_many()
    {
        using var dir = new TempDirectory();
        var limit = ExplorerData.MaxSamplesPerSuite;
        var records = Enumerable.Range(0, limit + 5).Select(i => Record($"a{i:D6}", 1, i % 2, suite: "big"))
            .Concat(Enumerable.Range(0, 3).Select(i => Record($"b{i}", 1, 1, suite: "small")))
            .ToList();
        var log = new RunLog { Header = Header(Suite("big", limit + 5), Suite("small", 3)), Samples = records };
        var results = new ResultsBuilder(Composition.Catalog).Build(log);

        HtmlReporter.Default.Write(new ReportInput(log, results), dir.Combine("report.html"));
        var report = new HtmlReport(File.ReadAllText(dir.Combine("report.html")));

        var index = report.Index.GetProperty("samples").EnumerateArray().ToList();
        Assert.That(index, Has.Count.EqualTo(limit + 3));
        Assert.That(index.Count(s => s[0].GetInt32() == 0), Is.EqualTo(limit), "the large suite is cut at the limit");
        Assert.That(index.Where(s => s[0].GetInt32() == 0).Select(s => s[1].GetString()), Is.EqualTo(records.Take(limit).Select(r => r.Id)), "its first samples in log order");
        Assert.That(index.Where(s => s[0].GetInt32() == 1).Select(s => s[1].GetString()), Is.EqualTo(new[] { "b0", "b1", "b2" }), "a later suite is still shown");
        Assert.That(report.Chunks.Sum(c => c.GetProperty("details").GetArrayLength()), Is.EqualTo(limit + 3), "texts for exactly the indexed samples");
        Assert.That(report.Html, Does.Contain("id=\"explorer-limited\""));
        Assert.That(report.Html, Does.Contain($"({limit + 3} / {limit + 8};"), "shown of total");
        Assert.That(results.Suites.Single(s => s.Name == "big").Counts.Scored, Is.EqualTo(limit + 5), "the metrics count every sample");
    }

    [Test]
    public void A_run_within_the_limit_shows_every_sample_without_a_note()
    {
        using var dir = new TempDirectory();
        var log = new RunLog { Header = Header(Suite("s", 3)), Samples = [Record("a", 1, 1), Record("b", 1, 0), Record("c", 1, 1)] };

        HtmlReporter.Default.Write(new ReportInput(log, new ResultsBuilder(Composition.Catalog).Build(log)), dir.Combine("report.html"));
        var report = new HtmlReport(File.ReadAllText(dir.Combine("report.html")));

        Assert.That(report.Index.GetProperty("samples").GetArrayLength(), Is.EqualTo(3));
        Assert.That(report.Html, Does.Not.Contain("explorer-limited"));
    }
}
