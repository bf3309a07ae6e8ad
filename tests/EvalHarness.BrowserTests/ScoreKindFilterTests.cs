using EvalHarness.BrowserTests.Support;
using EvalHarness.Logs;
using EvalHarness.Metrics;
using EvalHarness.Results;
using EvalHarness.Scoring;
using OpenQA.Selenium;

namespace EvalHarness.BrowserTests;

/// <summary>
/// The explorer's score-kind filter (graded, verdicts only, unscored, scorer error) and its errors-only
/// filter, which must count what the Errors section and results.json count: failed samples, not samples
/// one of whose scorers recorded a failure.
/// </summary>
[TestFixture]
public sealed class ScoreKindFilterTests
{
    [Test]
    public async Task Each_score_kind_shows_exactly_the_samples_scored_that_way()
    {
        using var dir = new TempDirectory();
        var run = await KindsRunAsync(dir);
        using var page = ReportPage.Start();
        page.Open(Path.Combine(run, "report.html"));
        page.WaitForMatches(9);

        var expected = new Dictionary<string, string[]>
        {
            ["graded"] = ["k/g-both/1", "k/g-only/1", "k/se-graded/1"],
            ["verdict_only"] = ["k/v-pass/1", "k/v-fail/1"],
            ["unscored"] = ["k/se-only/1", "k/err-1/1", "k/err-2/1", "k/no-scorer/1"],
            ["scorer_error"] = ["k/se-graded/1", "k/se-only/1"],
        };
        foreach (var (kind, keys) in expected)
        {
            page.Choose("f-kind", kind);
            page.WaitForMatches(keys.Length);
            Assert.That(page.SampleKeys(), Is.EquivalentTo(keys), kind);
        }

        page.Screenshot("scorer-error");
        Assert.That(page.Find("#samples article.sample[data-sample='k/se-only/1']").Text, Does.Contain("regex timed out"), "the card shows the scorer's failure");

        // A graded score is not a pass: BLEU 35 on a 0-100 scale leaves the verdict to the pass/fail scorers.
        page.Choose("f-kind", string.Empty);
        page.Choose("f-verdict", "pass");
        page.WaitForMatches(2);
        Assert.That(page.SampleKeys(), Is.EquivalentTo(new[] { "k/v-pass/1", "k/g-both/1" }));
        Assert.That(page.Find("#samples article.sample[data-sample='k/g-both/1'] .badge").Text, Is.EqualTo("pass"));
        page.Choose("f-verdict", string.Empty);
        page.Choose("f-kind", "graded");
        page.WaitForMatches(3);
        Assert.That(page.Find("#samples article.sample[data-sample='k/g-only/1'] .badge").Text, Is.EqualTo("graded"));

        page.Find("[data-set-lang='ja']").Click();
        Assert.That(page.Find("#f-kind option[value='scorer_error']").Text, Is.EqualTo("採点器エラー"));
    }

    [Test]
    public async Task Graded_and_verdict_only_follow_the_scorers_metrics_in_the_japanese_demo_run()
    {
        using var dir = new TempDirectory();
        var run = dir.Combine("jq");
        await CliRun.SucceedAsync("run", "japanese-quality", "--model", "demo", "--out", run);
        var log = RunLogReader.Read(Path.Combine(run, "log.jsonl"));
        var passFail = log.Header.Suites.Single().Scorers.Where(s => s.Meaning.Kind == ScoreKind.PassFail).Select(s => s.Id).ToHashSet();
        var graded = log.Samples.Where(r => r.Scores!.Any(s => s.Value.Value is not null && !passFail.Contains(s.Key))).Select(Key).ToList();
        var verdictOnly = log.Samples.Where(r => r.Scores!.Count > 0 && r.Scores.All(s => s.Value.Value is not null && passFail.Contains(s.Key))).Select(Key).ToList();
        Assert.That((graded.Count, verdictOnly.Count), Is.EqualTo((65, 13)), "the demo run's BLEU/chrF/ROUGE/char_f1 items and its multiple-choice items");

        using var page = ReportPage.Start();
        page.Open(Path.Combine(run, "report.html"));
        page.Find("[data-set-lang='en']").Click();
        page.WaitForMatches(log.Samples.Count);
        page.Choose("f-kind", "verdict_only");
        page.WaitForMatches(verdictOnly.Count);
        Assert.That(page.SampleKeys(), Is.EquivalentTo(verdictOnly));
        page.Choose("f-kind", "graded");
        page.WaitForMatches(graded.Count);
        Assert.That(page.SampleKeys(), Is.SubsetOf(graded).And.Count.EqualTo(25), "first page of the graded samples");
    }

    [Test]
    public async Task Errors_only_counts_what_the_errors_section_and_results_json_count()
    {
        using var dir = new TempDirectory();
        var run = await KindsRunAsync(dir);
        var results = ResultsFile.Read(Path.Combine(run, "results.json"));
        using var page = ReportPage.Start();
        page.Open(Path.Combine(run, "report.html"));

        var listed = page.FindAll("#errors table.errors-table tbody tr").Select(r => "k/" + r.FindElement(By.CssSelector("code")).Text + "/1").ToList();
        var heading = page.Find("#errors h2 small").Text;
        page.Find("#f-errors").Click();
        page.WaitForMatches(results.Counts.ErroredEpochs);
        page.Screenshot("errors-only");

        Assert.Multiple(() =>
        {
            Assert.That(results.Counts.ErroredEpochs, Is.EqualTo(2).And.EqualTo(results.Counts.Errored), "results.json: two samples failed");
            Assert.That(heading, Is.EqualTo($"({results.Counts.ErroredEpochs})"), "the Errors heading");
            Assert.That(listed, Has.Count.EqualTo(results.Counts.ErroredEpochs), "rows of the Errors section");
            Assert.That(page.SampleKeys(), Is.EquivalentTo(listed), "errors only shows the samples the Errors section lists, not those with a scorer failure");
        });
    }

    /// <summary>One suite with a pass/fail scorer (exact) and a graded one (bleu), and a sample of every kind.</summary>
    private static async Task<string> KindsRunAsync(TempDirectory dir)
    {
        var bleu = (string id, double v) => (id, new Score { Value = v, Explanation = "BLEU " + v });
        var samples = new List<SampleRecord>
        {
            Scored("v-pass", ("exact", Score.Pass("a", "matched"))),
            Scored("v-fail", ("exact", Score.Fail("b", "expected a"))),
            Scored("g-both", ("exact", Score.Pass("a", "matched")), bleu("bleu", 35)),
            Scored("g-only", bleu("bleu", 12.5)),
            Scored("se-graded", ("exact", Score.Failed("regex timed out")), bleu("bleu", 40)),
            Scored("se-only", ("exact", Score.Failed("regex timed out"))),
            SyntheticLog.Sample("k", "err-1", null, null, new SampleError("transient", "HTTP 503 after 5 retries")),
            SyntheticLog.Sample("k", "err-2", null, null, new SampleError("permanent", "HTTP 400: context too long", 400)),
            Scored("no-scorer"),
        };
        var suite = SyntheticLog.Suite("k", samples.Count, ["exact"]) with
        {
            Scorers = [new ScorerHeader("exact", "exact", [], ["accuracy"], ValueRange.Unit), new ScorerHeader("bleu", "bleu", [], ["mean"], ValueRange.Percent)],
        };
        return await SyntheticLog.WriteRunAsync(dir.Combine("kinds"), suite, samples);
    }

    private static SampleRecord Scored(string id, params (string Scorer, Score Score)[] scores) =>
        SyntheticLog.Sample("k", id, "output of " + id, scores.ToDictionary(s => s.Scorer, s => s.Score));

    private static string Key(SampleRecord s) => $"{s.Suite}/{s.Id}/{s.Epoch}";
}
