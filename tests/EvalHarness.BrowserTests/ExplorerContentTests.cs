using System.Globalization;
using EvalHarness.BrowserTests.Support;
using EvalHarness.Logs;
using EvalHarness.Suites;
using OpenQA.Selenium;

namespace EvalHarness.BrowserTests;

/// <summary>
/// On the run <c>./run.sh</c> makes (both bundled suites against their demo recordings): the perspective
/// and risk filters find exactly the samples the log tags so, and a sample's card says what its log
/// record says.
/// </summary>
[TestFixture]
public sealed class ExplorerContentTests
{
    [TestCase("f-perspective", MetadataKeys.Perspective)]
    [TestCase("f-risk", MetadataKeys.Risk)]
    public async Task Each_tag_shows_as_many_samples_as_the_log_tags_with_it(string select, string key)
    {
        using var dir = new TempDirectory();
        var run = await TaggedDemoAsync(dir);
        var log = RunLogReader.Read(Path.Combine(run, "log.jsonl"));
        var tags = log.Samples.Select(s => s.Metadata.GetValueOrDefault(key)).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.That(tags, Has.Count.GreaterThanOrEqualTo(3), "the risk suites use several " + key + " tags");
        using var page = ReportPage.Start();
        page.Open(Path.Combine(run, "report.html"));
        page.Find("[data-set-lang='en']").Click();

        var offered = page.FindAll($"#{select} option").Select(o => o.GetAttribute("value")).Where(v => v!.Length > 0).ToList();
        Assert.That(offered, Is.EqualTo(tags), "the filter offers every tag the log uses");
        foreach (var tag in tags)
        {
            var tagged = log.Samples.Where(s => s.Metadata.GetValueOrDefault(key) == tag).Select(Key).ToList();
            page.Choose(select, tag);
            page.WaitForMatches(tagged.Count);
            Assert.That(page.SampleKeys(), Is.EqualTo(tagged.Take(25)), $"{key} = {tag}: the first page, in log order");
            Assert.That(page.FindAll("#samples article.sample .sample-head").Select(h => h.Text), Is.All.Contains(tag));
        }

        page.Screenshot(key);
    }

    [TestCase("smoke", "en-mc-04")]
    [TestCase("smoke", "ja-fact-02")]
    [TestCase("japanese-quality", "sum-01")]
    public async Task A_samples_card_shows_its_input_choices_output_targets_and_every_score_as_logged(string suite, string id)
    {
        using var dir = new TempDirectory();
        var run = await BundledDemoAsync(dir);
        var record = RunLogReader.Read(Path.Combine(run, "log.jsonl")).Samples.Single(s => s.Suite == suite && s.Id == id);
        using var page = ReportPage.Start();
        page.Open(Path.Combine(run, "report.html"));
        page.Choose("f-suite", suite);
        page.Search(id);
        ReportPage.Wait(TimeSpan.FromSeconds(20), () => page.Status.Length > 0);
        var card = page.Find($"#samples article.sample[data-sample='{suite}/{id}/1']");
        foreach (var summary in card.FindElements(By.CssSelector("details > summary")))
        {
            summary.Click();
        }

        page.Screenshot("card", $"article.sample[data-sample='{suite}/{id}/1']");
        var fields = card.FindElements(By.CssSelector(".field")).ToDictionary(f => f.FindElement(By.CssSelector(".field-name")).GetAttribute("textContent")!, f => f);
        Assert.Multiple(() =>
        {
            Assert.That(fields["Input"].FindElements(By.CssSelector(".message")).Select(m => (m.GetAttribute("data-role"), m.FindElement(By.CssSelector("pre.untrusted")).Text)).ToList(),
                Is.EqualTo(record.Input.Select(m => ((string?)m.Role, m.Content)).ToList()), "every input message, in order");
            if (record.Choices.Count > 0)
            {
                Assert.That(fields["Choices"].FindElements(By.TagName("li")).Select(li => li.Text).ToList(), Is.EqualTo(record.Choices));
            }
            else
            {
                Assert.That(fields.Keys, Has.No.Member("Choices"));
            }

            Assert.That(fields["Output"].FindElement(By.CssSelector("pre.untrusted")).Text, Is.EqualTo(record.Output));
            Assert.That(fields["Target"].FindElement(By.CssSelector("pre.untrusted")).Text, Is.EqualTo(string.Join('\n', record.Targets)));
            Assert.That(fields["Scores"].FindElements(By.CssSelector("tr:has(td)")).Select(Row).ToList(),
                Is.EqualTo(record.Scores!.Select(p => $"{p.Key} | {Number(p.Value.Value)} | {p.Value.Answer} | {p.Value.Explanation}").ToList()), "every score: scorer, value, answer, explanation");
        });
    }

    /// <summary>What <c>./run.sh</c> runs without a model: every bundled suite against its demo recordings.</summary>
    private static async Task<string> BundledDemoAsync(TempDirectory dir)
    {
        var run = dir.Combine("bundled");
        await CliRun.SucceedAsync("run", "smoke", "japanese-quality", "--model", "demo", "--out", run);
        return run;
    }

    // Risk suites whose items carry several risk and perspective tags; smoke and japanese-quality carry none.
    private static async Task<string> TaggedDemoAsync(TempDirectory dir)
    {
        var run = dir.Combine("tagged");
        await CliRun.SucceedAsync("run", "privacy", "robustness", "--model", "demo", "--out", run);
        return run;
    }

    private static string Row(IWebElement row) => string.Join(" | ", row.FindElements(By.TagName("td")).Select(td => td.Text));

    /// <summary>A value as the page's script writes a number: the shortest text that reads back the same.</summary>
    private static string Number(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "error";

    private static string Key(SampleRecord s) => $"{s.Suite}/{s.Id}/{s.Epoch}";
}
