using System.Globalization;
using System.Text.Json.Nodes;
using EvalHarness.BrowserTests.Support;
using EvalHarness.Logs;
using EvalHarness.Results;
using EvalHarness.Scoring;
using OpenQA.Selenium;

namespace EvalHarness.BrowserTests;

/// <summary>
/// <c>evalh report A --compare B</c>: every metric's values from the two runs, the difference with its interval, the
/// adjusted p-value with its significance marker, and the verdict of <c>evalh compare</c>; significant regressions first.
/// </summary>
[TestFixture]
public sealed class ComparisonTests
{
    [Test]
    public async Task Values_shown_are_both_runs_results_and_a_drop_on_few_samples_is_too_few_to_tell()
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
        // Every sample of smoke is in both runs, so the paired values are the results' values.
        Assert.That(rows.Where(r => r.Change is not ("added" or "removed")).Select(r => r.Text).Order(StringComparer.Ordinal).ToList(), Is.EqualTo(expected),
            "each metric in both runs: baseline, candidate and the start of the delta (A − B), formatted");
        foreach (var row in rows.Where(r => r.RawDelta is not null))
        {
            var key = (row.Suite, row.Group, row.Scorer, row.Metric);
            Assert.That(row.RawDelta, Is.EqualTo(a[key].Value!.Value - b[key].Value!.Value).Within(1e-12), $"exact delta of {key}");
        }

        Assert.Multiple(() =>
        {
            // One multiple-choice item fixed and two other answers broken among 24 samples: the old rule called every
            // drop a regression; no paired test can tell changes this small on so few samples from noise.
            Assert.That(rows.Where(r => r.Change is "regression" or "improvement"), Is.Empty);
            Assert.That(rows.Single(r => r.Scorer == "numeric" && r.Group.Length == 0).Verdict, Is.EqualTo("too few samples to tell"));
            Assert.That(rows.Single(r => r.Scorer == "numeric" && r.Group.Length == 0).Delta, Does.Match(@"^-10\.0 pp \[-?\d+\.\d, -?\d+\.\d\]$"));
            Assert.That(rows.Select(r => r.AdjustedP), Has.None.Contain("*"));
            Assert.That(rows.TakeWhile(r => r.Change == "too_few").Count(), Is.EqualTo(rows.Count(r => r.Change == "too_few")), "too few to tell before no significant change");
            Assert.That(page.Find("#comparison-legend").Text, Does.Contain("Holm").And.Contain("2000"));
        });
    }

    [Test]
    public async Task A_significant_regression_comes_first_with_its_marker_and_interval()
    {
        using var dir = new TempDirectory();
        var suite = SyntheticLog.Suite("gate", 60, ["exact"]);
        SampleRecord Sample(int i, bool pass) => SyntheticLog.Sample("gate", $"g{i:00}", pass ? "yes" : "no", new Dictionary<string, Score> { ["exact"] = new() { Value = pass ? 1 : 0 } });
        var baseline = await SyntheticLog.WriteRunAsync(dir.Combine("baseline"), suite, [.. Enumerable.Range(0, 60).Select(i => Sample(i, true))], h => h with { RunId = "baseline-run" });
        // Twenty of sixty lost: McNemar b = 20, c = 0, p = 2 × 0.5^20.
        var candidate = await SyntheticLog.WriteRunAsync(dir.Combine("candidate"), suite, [.. Enumerable.Range(0, 60).Select(i => Sample(i, i >= 20))]);
        await CliRun.SucceedAsync("report", candidate, "--compare", baseline);
        using var page = ReportPage.Start();
        page.Open(Path.Combine(candidate, "report.html"));

        var rows = page.FindAll("#comparison-table tbody tr").Select(Read).ToList();

        Assert.That(rows[0].Change, Is.EqualTo("regression"));
        Assert.That((rows[0].Suite, rows[0].Scorer, rows[0].Metric, rows[0].Group), Is.EqualTo(("gate", "exact", "accuracy", string.Empty)));
        Assert.That(rows[0].Delta, Does.StartWith("-33.3 pp ["));
        Assert.That(rows[0].AdjustedP, Is.EqualTo("<0.0001 *"));
        Assert.That(rows[0].Verdict, Is.EqualTo("regression"));
        Assert.That(page.Find("#comparison").Text, Does.Contain("1 significant regressions"));
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
        // The delta cell holds the difference and then its interval: compare the difference alone.
        var delta = cells[6].Split(" [")[0];
        return new Row(cells[0], cells[1], cells[2], cells[3], tr.GetAttribute("class")!.Replace("change-", string.Empty, StringComparison.Ordinal),
            string.Join(" | ", cells.Take(6).Append(delta)), string.IsNullOrEmpty(raw) ? null : double.Parse(raw, CultureInfo.InvariantCulture), cells[6], cells[7], cells[9]);
    }

    private sealed record Row(string Suite, string Group, string Scorer, string Metric, string Change, string Text, double? RawDelta, string Delta, string AdjustedP, string Verdict);
}
