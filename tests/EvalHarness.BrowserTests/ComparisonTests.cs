using System.Globalization;
using System.Text.Json.Nodes;
using EvalHarness.BrowserTests.Support;
using EvalHarness.Results;
using OpenQA.Selenium;

namespace EvalHarness.BrowserTests;

/// <summary><c>evalh report A --compare B</c>: every metric's change, computed from the two results.json files, regressions first.</summary>
[TestFixture]
public sealed class ComparisonTests
{
    [Test]
    public async Task Deltas_shown_are_results_a_minus_results_b_with_regressions_first()
    {
        using var dir = new TempDirectory();
        var baseline = await Runs.DemoAsync(dir.Path);
        var candidate = await ChangedRunAsync(dir);
        await CliRun.SucceedAsync("report", candidate, "--compare", baseline);
        var a = Index(ResultsFile.Read(Path.Combine(candidate, "results.json")));
        var b = Index(ResultsFile.Read(Path.Combine(baseline, "results.json")));
        using var page = ReportPage.Start();
        page.Open(Path.Combine(candidate, "report.html"));
        page.Screenshot("comparison", "#comparison");

        var rows = page.FindAll("#comparison-table tbody tr").Select(Read).ToList();
        var expected = a.Keys.Intersect(b.Keys)
            .Where(k => a[k].Value is not null || b[k].Value is not null)
            .Select(k => Expected(k, a[k].Proportion, b[k].Value, a[k].Value))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.That(rows.Where(r => r.Change is not ("added" or "removed")).Select(r => r.Text).Order(StringComparer.Ordinal).ToList(), Is.EqualTo(expected),
            "each metric in both runs: baseline, candidate and delta = A − B, formatted");
        foreach (var row in rows.Where(r => r.RawDelta is not null))
        {
            var key = (row.Suite, row.Group, row.Scorer, row.Metric);
            Assert.That(row.RawDelta, Is.EqualTo(a[key].Value!.Value - b[key].Value!.Value), $"exact delta of {key}");
        }

        var regressions = rows.TakeWhile(r => r.Change == "regression").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(regressions, Has.Count.EqualTo(rows.Count(r => r.Change == "regression")).And.Count.GreaterThanOrEqualTo(3), "every regression comes before any other row");
            Assert.That(regressions.Select(r => r.RawDelta), Is.Ordered.Ascending, "the worst regression first");
            Assert.That(rows.Where(r => r.Change == "improvement"), Is.Not.Empty);
            Assert.That(regressions.Select(r => (r.Scorer, r.Group)), Does.Contain(("numeric", "")).And.Contain(("includes", "")));
            Assert.That(rows.Single(r => r.Scorer == "choice" && r.Group.Length == 0).Change, Is.EqualTo("improvement"));
        });
    }

    /// <summary>The smoke suite replayed with its demo answers, one multiple-choice answer fixed and two other answers broken.</summary>
    private static async Task<string> ChangedRunAsync(TempDirectory dir)
    {
        var changes = new Dictionary<string, string>
        {
            ["en-mc-04"] = "The answer is C.",
            ["en-num-01"] = "17 + 25 = 43",
            ["en-fact-02"] = "Marlowe",
        };
        var lines = File.ReadLines(Path.Combine(RepoPaths.Suites, "smoke", "demo.jsonl")).Where(l => l.Trim().Length > 0).Select(l =>
        {
            var line = JsonNode.Parse(l)!.AsObject();
            if (changes.TryGetValue((string)line["id"]!, out var output))
            {
                line["output"] = output;
            }

            return line.ToJsonString();
        });
        var replay = dir.File("changed.jsonl", string.Join('\n', lines));
        var run = dir.Combine("changed");
        await CliRun.SucceedAsync("run", "smoke", "--model", "replay:" + replay, "--out", run);
        return run;
    }

    private static string Expected((string Suite, string Group, string Scorer, string Metric) k, bool proportion, double? before, double? now) =>
        $"{k.Suite} | {k.Group} | {k.Scorer} | {k.Metric} | {MetricFormat.Value(proportion, before)} | {MetricFormat.Value(proportion, now)} | {MetricFormat.Delta(proportion, now - before)}";

    /// <summary>Every value of a results.json by (suite, group, scorer, metric), the overview under "(all suites)".</summary>
    private static Dictionary<(string, string, string, string), (double? Value, int N, bool Proportion)> Index(RunResults results)
    {
        var index = new Dictionary<(string, string, string, string), (double?, int, bool)>();
        foreach (var suite in results.Suites)
        {
            foreach (var m in suite.Metrics)
            {
                index[(suite.Name, string.Empty, m.Scorer, m.Metric)] = (m.Value, m.N, m.Proportion);
            }

            foreach (var g in suite.Groups)
            {
                foreach (var m in g.Metrics)
                {
                    index[(suite.Name, $"{g.Key} = {g.Value}", m.Scorer, m.Metric)] = (m.Value, m.N, m.Proportion);
                }
            }
        }

        foreach (var (kind, entries) in new[] { ("risk", results.Overview.Risks), ("perspective", results.Overview.Perspectives), ("quality", results.Overview.Quality) })
        {
            foreach (var e in entries)
            {
                index[("(all suites)", $"{kind}: {e.Id}", "overview", "pass rate")] = (e.Value, e.N, true);
            }
        }

        return index;
    }

    private static Row Read(IWebElement tr)
    {
        var cells = tr.FindElements(By.TagName("td")).Select(td => td.Text).ToList();
        var raw = tr.FindElement(By.CssSelector("td[data-delta]")).GetAttribute("data-delta");
        return new Row(cells[0], cells[1], cells[2], cells[3], tr.GetAttribute("class")!.Replace("change-", string.Empty, StringComparison.Ordinal), string.Join(" | ", cells.Take(7)),
            string.IsNullOrEmpty(raw) ? null : double.Parse(raw, CultureInfo.InvariantCulture));
    }

    private sealed record Row(string Suite, string Group, string Scorer, string Metric, string Change, string Text, double? RawDelta);
}
