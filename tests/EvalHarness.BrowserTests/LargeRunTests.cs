using System.Globalization;
using EvalHarness.BrowserTests.Support;
using EvalHarness.Logs;
using EvalHarness.Suites;
using EvalHarness.Scoring;

namespace EvalHarness.BrowserTests;

/// <summary>
/// A run of thousands of samples still opens into a working explorer. How fast is the benchmark's
/// business (<c>./run.sh bench report</c>); here only that it works.
/// </summary>
[TestFixture]
public sealed class LargeRunTests
{
    private const int Count = 5_000;

    [Test]
    public async Task A_5000_sample_run_becomes_interactive_and_filters_over_all_samples()
    {
        using var dir = new TempDirectory();
        var samples = Enumerable.Range(0, Count).Select(Sample).ToList();
        var run = await SyntheticLog.WriteRunAsync(dir.Combine("large"), SyntheticLog.Suite("large", Count, ["exact"], "category"), samples);
        using var page = ReportPage.Start();

        page.Open(Path.Combine(run, "report.html"), TimeSpan.FromSeconds(90));
        page.WaitForMatches(Count);
        Assert.That(page.Status, Does.EndWith("Page 1 / 200"));
        page.Screenshot("ready", "#explorer");

        page.Search("answer 04321");
        page.WaitForMatches(1);
        Assert.That(page.SampleKeys(), Is.EqualTo(new[] { "large/s-04321/1" }), "search reaches a sample far beyond the first page");

        page.Search(string.Empty);
        page.WaitForMatches(Count);
        page.Choose("f-verdict", "fail");
        page.WaitForMatches(samples.Count(s => s.Scores?["exact"].Value == 0));
        page.Choose("f-verdict", string.Empty);
        page.Choose("f-category", "cat-3");
        page.WaitForMatches(samples.Count(s => s.Metadata[MetadataKeys.Category] == "cat-3"));
        page.Find("#f-errors").Click();
        page.WaitForMatches(samples.Count(s => s.IsError && s.Metadata[MetadataKeys.Category] == "cat-3"));
        page.Screenshot("filtered", "#explorer");
        Assert.That(page.SampleKeys(), Is.Not.Empty.And.All.Match("^large/s-\\d{5}/1$"));
    }

    [Test]
    public async Task A_100000_sample_run_opens_and_pages_through_its_samples()
    {
        const int count = 100_000;
        using var dir = new TempDirectory();
        var samples = Enumerable.Range(0, count).Select(Sample).ToList();
        var run = await SyntheticLog.WriteRunAsync(dir.Combine("huge"), SyntheticLog.Suite("huge", count, ["exact"], "category"), samples.Select(s => s with { Suite = "huge" }).ToList());
        using var page = ReportPage.Start();

        page.Open(Path.Combine(run, "report.html"), TimeSpan.FromSeconds(120));
        page.WaitForMatches(count);
        Assert.That(page.Status, Does.EndWith("Page 1 / 4000"));
        Assert.That(page.SampleKeys(), Is.EqualTo(Keys(0, 25)));

        page.Find("#p-next").Click();
        Assert.That(page.Status, Does.EndWith("Page 2 / 4000"));
        Assert.That(page.SampleKeys(), Is.EqualTo(Keys(25, 25)), "the second page holds the next 25 samples");

        // The last pages come from the last text chunk, far from the first.
        page.Choose("f-category", "cat-9");
        var tagged = samples.Where(s => s.Metadata[MetadataKeys.Category] == "cat-9").ToList();
        page.WaitForMatches(tagged.Count);
        var pages = (tagged.Count + 24) / 25;
        Assert.That(page.Status, Does.EndWith($"Page 1 / {pages}"));
        page.Screenshot("huge", "#explorer");
        Assert.That(page.FindAll("#samples article.sample .untrusted").Select(e => e.Text), Has.Some.Contains("The answer 00009"));
    }

    private static List<string> Keys(int start, int count) =>
        Enumerable.Range(start, count).Select(i => "huge/s-" + i.ToString("00000", CultureInfo.InvariantCulture) + "/1").ToList();

    /// <summary>Every 7th sample wrong, every 97th errored, ten categories; output names the sample so search can find one.</summary>
    private static SampleRecord Sample(int i)
    {
        var id = "s-" + i.ToString("00000", CultureInfo.InvariantCulture);
        var output = $"The answer {i:00000} is given here, with some text around it so the card looks real. 回答 {i} です。";
        var metadata = new Dictionary<string, string> { [MetadataKeys.Category] = "cat-" + (i % 10).ToString(CultureInfo.InvariantCulture), [MetadataKeys.Language] = i % 2 == 0 ? "en" : "ja" };
        if (i % 97 == 0)
        {
            return SyntheticLog.Sample("large", id, null, null, new SampleError("transient", "HTTP 503 after 5 retries")) with { Metadata = metadata };
        }

        var score = i % 7 == 0 ? Score.Fail("wrong", "expected something else") : Score.Pass("right", "matched the target");
        return SyntheticLog.Sample("large", id, output, new Dictionary<string, Score> { ["exact"] = score }) with { Metadata = metadata, Targets = ["target " + i] };
    }
}
