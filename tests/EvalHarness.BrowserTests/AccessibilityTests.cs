using EvalHarness.BrowserTests.Support;
using OpenQA.Selenium;
using OpenQA.Selenium.Interactions;

namespace EvalHarness.BrowserTests;

/// <summary>The explorer works for readers on a keyboard or a screen reader: named filter controls, a pager reached with Tab.</summary>
[TestFixture]
public sealed class AccessibilityTests
{
    [Test]
    public async Task Every_filter_control_has_a_name_in_the_readers_language()
    {
        using var dir = new TempDirectory();
        var run = await Runs.MixedAsync(dir.Path);
        using var page = ReportPage.Start();
        page.Open(Path.Combine(run, "report.html"));

        Assert.That(Names(page), Is.EqualTo(new[]
        {
            "f-search: Search input, output, target, explanations", "f-suite: Suite", "f-category: Category", "f-risk: Risk",
            "f-perspective: Perspective", "f-verdict: Verdict", "f-kind: Score kind", "f-errors: errors only",
        }));
        page.Find("[data-set-lang='ja']").Click();
        Assert.That(Names(page), Is.EqualTo(new[]
        {
            "f-search: 入力・出力・正解・説明を検索", "f-suite: スイート", "f-category: カテゴリ", "f-risk: リスク",
            "f-perspective: 評価観点", "f-verdict: 判定", "f-kind: 採点の種類", "f-errors: エラーのみ",
        }));
    }

    [Test]
    public async Task The_pager_is_reached_and_used_with_the_keyboard_alone()
    {
        using var dir = new TempDirectory();
        var run = await Runs.MixedAsync(dir.Path);
        using var page = ReportPage.Start();
        page.Open(Path.Combine(run, "report.html"));
        page.WaitForMatches(54);

        page.Script<object?>("document.getElementById('f-search').focus()");
        var order = new List<string>();
        for (var i = 0; i < 20 && order.LastOrDefault() != "p-next"; i++)
        {
            new Actions(page.Driver).SendKeys(Keys.Tab).Perform();
            order.Add(page.Script<string>("return document.activeElement.id || document.activeElement.tagName"));
        }

        Assert.That(order, Is.EqualTo(new[] { "f-suite", "f-category", "f-risk", "f-perspective", "f-verdict", "f-kind", "f-errors", "p-next" }),
            "Tab walks the filters, then to Next (Previous is disabled on the first page)");
        new Actions(page.Driver).SendKeys(Keys.Enter).Perform();
        Assert.That(page.Status, Does.EndWith("Page 2 / 3"));
        new Actions(page.Driver).SendKeys(Keys.Space).Perform();
        Assert.That(page.Status, Does.EndWith("Page 3 / 3"));
        new Actions(page.Driver).KeyDown(Keys.Shift).SendKeys(Keys.Tab).KeyUp(Keys.Shift).Perform();
        Assert.That(page.Script<string>("return document.activeElement.id"), Is.EqualTo("p-prev"));
        new Actions(page.Driver).SendKeys(Keys.Enter).Perform();
        Assert.That(page.Status, Does.EndWith("Page 2 / 3"));
        Assert.That(page.Find("#p-prev").GetAttribute("aria-controls"), Is.EqualTo("samples"));
    }

    private static List<string> Names(ReportPage page) =>
        page.FindAll("#filters input, #filters select").Select(e => $"{e.GetAttribute("id")}: {((WebElement)e).ComputedAccessibleLabel}").ToList();
}
