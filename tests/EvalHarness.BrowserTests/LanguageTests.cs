using EvalHarness.BrowserTests.Support;

namespace EvalHarness.BrowserTests;

/// <summary>The report reads in English or Japanese, remembers the reader's choice, and draws Japanese with a real CJK font.</summary>
[TestFixture]
public sealed class LanguageTests
{
    private const string VisibleEnglish = "return [...document.querySelectorAll('.en')].filter(e => e.getClientRects().length > 0).length";
    private const string VisibleJapanese = "return [...document.querySelectorAll('.ja')].filter(e => e.getClientRects().length > 0).length";

    [Test]
    public async Task Clicking_japanese_switches_the_whole_page_and_the_choice_survives_a_reload()
    {
        using var dir = new TempDirectory();
        var run = await Runs.DemoAsync(dir.Path);
        using var page = ReportPage.Start();
        page.Open(Path.Combine(run, "report.html"));
        Assert.That(page.Find("h1").Text, Is.EqualTo("EvalHarness report"));
        Assert.That(page.Script<long>(VisibleJapanese), Is.Zero, "an English page shows no Japanese label");

        page.Find("[data-set-lang='ja']").Click();
        page.Screenshot("japanese");
        AssertJapanese(page);
        Assert.That(page.Status, Does.StartWith("24 件が一致"), "the explorer's own words follow too");

        page.Driver.Navigate().Refresh();
        page.WaitUntilReady();
        AssertJapanese(page);

        page.Find("[data-set-lang='en']").Click();
        page.Driver.Navigate().Refresh();
        page.WaitUntilReady();
        Assert.That(page.Find("html").GetAttribute("lang"), Is.EqualTo("en"));
        Assert.That(page.Find("h1").Text, Is.EqualTo("EvalHarness report"));
    }

    [Test]
    public async Task The_choice_is_remembered_per_run_and_another_run_opens_in_its_own_default()
    {
        using var dir = new TempDirectory();
        var first = Path.Combine(await Runs.DemoAsync(dir.Combine("a")), "report.html");
        var second = Path.Combine(await Runs.DemoAsync(dir.Combine("b")), "report.html");
        var japanese = dir.Combine("jq");
        await CliRun.SucceedAsync("run", "japanese-quality", "--model", "demo", "--out", japanese);
        var third = Path.Combine(japanese, "report.html");
        using var page = ReportPage.Start();

        page.Open(first);
        page.Find("[data-set-lang='ja']").Click();
        page.Open(first);
        Assert.That(Lang(page), Is.EqualTo("ja"), "reopening the same file restores the choice");

        page.Open(second);
        Assert.That(Lang(page), Is.EqualTo("en"), "another English run opens in English");
        page.Open(third);
        Assert.That(Lang(page), Is.EqualTo("ja"), "a Japanese run opens in Japanese");
        page.Find("[data-set-lang='en']").Click();

        page.Open(first);
        Assert.That(Lang(page), Is.EqualTo("ja"), "choosing English in another run leaves this one's choice alone");
        page.Open(third);
        Assert.That(Lang(page), Is.EqualTo("en"));
        page.Screenshot("remembered");
    }

    [Test]
    public async Task Without_storage_the_toggle_still_works_and_the_page_opens_in_its_default()
    {
        using var dir = new TempDirectory();
        var run = await Runs.DemoAsync(dir.Path, "--lang", "ja");
        using var page = ReportPage.Start();
        // As in e-mail viewers and browsers that deny storage to file:// pages: touching it throws.
        page.Driver.ExecuteCdpCommand("Page.addScriptToEvaluateOnNewDocument", new Dictionary<string, object?>
        {
            ["source"] = "Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });",
        });
        page.Open(Path.Combine(run, "report.html"));
        AssertJapanese(page);

        page.Find("[data-set-lang='en']").Click();
        Assert.That(Lang(page), Is.EqualTo("en"));
        Assert.That(page.Status, Does.StartWith("24 samples match"));
        page.Open(Path.Combine(run, "report.html"));
        Assert.That(Lang(page), Is.EqualTo("ja"), "nothing could be stored, so the default holds");
        Assert.That(page.SevereLogEntries(), Is.Empty, "no script error");
    }

    [Test]
    public async Task Report_lang_ja_makes_japanese_the_default()
    {
        using var dir = new TempDirectory();
        var run = await Runs.DemoAsync(dir.Path, "--lang", "ja");
        using var page = ReportPage.Start();
        page.Open(Path.Combine(run, "report.html"));

        page.Screenshot("default-japanese");
        AssertJapanese(page);
    }

    [Test]
    public async Task Japanese_is_drawn_with_a_cjk_font_not_as_missing_glyph_boxes()
    {
        using var dir = new TempDirectory();
        var run = await Runs.DemoAsync(dir.Path, "--lang", "ja");
        using var page = ReportPage.Start();
        page.Open(Path.Combine(run, "report.html"));

        // Draw two different kanji in the heading's own font: real glyphs differ and are about 1em wide;
        // missing-glyph boxes ("tofu") are all the same picture.
        var probe = page.Script<IReadOnlyDictionary<string, object>>("""
            const style = getComputedStyle(document.querySelector('h1 .ja'));
            const size = parseFloat(style.fontSize);
            const canvas = document.createElement('canvas');
            canvas.width = canvas.height = Math.ceil(size * 2);
            const g = canvas.getContext('2d', { willReadFrequently: true });
            g.font = style.fontWeight + ' ' + style.fontSize + ' ' + style.fontFamily;
            const draw = ch => { g.clearRect(0, 0, canvas.width, canvas.height); g.fillText(ch, 0, size * 1.2); return Array.from(g.getImageData(0, 0, canvas.width, canvas.height).data).join(','); };
            const a = draw('評'), b = draw('価');
            return { family: style.fontFamily, size: size, width: g.measureText('評価').width, inked: /[1-9]/.test(a), same: a === b };
            """);
        page.Screenshot("glyphs");

        var size = Convert.ToDouble(probe["size"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Multiple(() =>
        {
            Assert.That(probe["family"] as string, Does.Contain("Noto Sans CJK JP"), "the stylesheet names a CJK font");
            Assert.That(probe["inked"], Is.True, "the glyph draws something");
            Assert.That(probe["same"], Is.False, "評 and 価 draw differently, so neither is a missing-glyph box");
            Assert.That(Convert.ToDouble(probe["width"], System.Globalization.CultureInfo.InvariantCulture), Is.InRange(1.6 * size, 2.4 * size), "two full-width glyphs are about 2em wide");
        });
    }

    private static string? Lang(ReportPage page) => page.Find("html").GetAttribute("data-lang");

    private static void AssertJapanese(ReportPage page)
    {
        Assert.Multiple(() =>
        {
            Assert.That(page.Find("html").GetAttribute("lang"), Is.EqualTo("ja"));
            Assert.That(page.Find("html").GetAttribute("data-lang"), Is.EqualTo("ja"));
            Assert.That(page.Find("h1").Text, Is.EqualTo("EvalHarness 評価レポート"));
            Assert.That(page.Script<long>(VisibleEnglish), Is.Zero, "no English label is visible");
            Assert.That(page.Find("[data-set-lang='ja']").GetAttribute("aria-pressed"), Is.EqualTo("true"));
            Assert.That(page.Find("#f-verdict option[value='fail']").Text, Is.EqualTo("不合格"));
        });
    }
}
