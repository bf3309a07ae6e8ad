using EvalHarness.BrowserTests.Support;
using EvalHarness.Results;
using OpenQA.Selenium;

namespace EvalHarness.BrowserTests;

/// <summary>What a reader sees in the tables is what results.json says, formatted the one documented way.</summary>
[TestFixture]
public sealed class ReportNumbersTests
{
    [TestCase("demo")]
    [TestCase("mixed")]
    public async Task Every_metric_overview_row_and_count_shown_equals_results_json(string kind)
    {
        using var dir = new TempDirectory();
        var run = kind == "demo" ? await Runs.DemoAsync(dir.Path) : await Runs.MixedAsync(dir.Path);
        var results = ResultsFile.Read(Path.Combine(run, "results.json"));
        using var page = ReportPage.Start();
        page.Open(Path.Combine(run, "report.html"));

        // Group rows sit in closed <details>; open them so every value is read as displayed, not from the markup.
        foreach (var summary in page.FindAll("details.groups > summary"))
        {
            summary.Click();
        }

        page.Screenshot("tables");
        Assert.Multiple(() =>
        {
            Assert.That(Shown(page, "tr[data-metric]", "data-metric"), Is.EqualTo(ExpectedMetrics(results)), "metric rows: key, value, interval, n");
            Assert.That(Shown(page, "tr[data-overview]", "data-overview"), Is.EqualTo(ExpectedOverview(results)), "overview rows: key, value, interval, n");
            Assert.That(page.FindAll("tr[data-overview]"), Is.Not.Empty, "every risk and perspective is listed, measured or not");
            Assert.That(Counts(page), Is.EqualTo(ExpectedCounts(results.Counts)));
        });
    }

    private static List<string> ExpectedMetrics(RunResults results) =>
        results.Suites.SelectMany(s =>
                s.Metrics.Select(m => Row($"{s.Name}||{m.Scorer}|{m.Metric}", m.Proportion, m.Value, m.CiLow, m.CiHigh, m.N))
                    .Concat(s.Groups.SelectMany(g => g.Metrics.Select(m => Row($"{s.Name}|{g.Key} = {g.Value}|{m.Scorer}|{m.Metric}", m.Proportion, m.Value, m.CiLow, m.CiHigh, m.N)))))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static List<string> ExpectedOverview(RunResults results) =>
        results.Overview.Risks.Select(e => ("risk:", e)).Concat(results.Overview.Perspectives.Select(e => ("perspective:", e))).Concat(results.Overview.Quality.Select(e => ("quality:", e)))
            .Select(p => Row(p.Item1 + p.e.Id, true, p.e.Value, p.e.CiLow, p.e.CiHigh, p.e.N))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string Row(string key, bool proportion, double? value, double? low, double? high, int n) =>
        $"{key} => {MetricFormat.Value(proportion, value)} {MetricFormat.Interval(proportion, low, high)} n={n}";

    /// <summary>Each row as the reader sees it: value cell, interval cell and the leading number of the n cell.</summary>
    private static List<string> Shown(ReportPage page, string rows, string keyAttribute) =>
        page.FindAll(rows)
            .Select(row =>
            {
                var numbers = row.FindElements(By.CssSelector("td.num"));
                var n = numbers[^1].Text.Split(' ')[0];
                return $"{row.GetAttribute(keyAttribute)} => {row.FindElement(By.CssSelector("td.num[data-value]")).Text} {row.FindElement(By.CssSelector("td.ci-text")).Text} n={n}";
            })
            .Order(StringComparer.Ordinal)
            .ToList();

    private static Dictionary<string, string> Counts(ReportPage page) =>
        page.FindAll("[data-count]").ToDictionary(e => e.GetAttribute("data-count")!, e => e.Text);

    private static Dictionary<string, string> ExpectedCounts(ResultCounts counts)
    {
        var expected = new Dictionary<string, string>
        {
            ["samples"] = counts.Samples.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["scored"] = counts.Scored.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["errored"] = counts.Errored.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (counts.Pending > 0)
        {
            expected["pending"] = counts.Pending.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return expected;
    }
}
