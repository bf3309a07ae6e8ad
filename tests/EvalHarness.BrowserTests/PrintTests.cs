using System.Text;
using EvalHarness.BrowserTests.Support;

namespace EvalHarness.BrowserTests;

/// <summary>
/// <c>evalh report --pdf</c> prints with the local Chromium, says how to get one when there is none,
/// and the print stylesheet makes a clean document of the page.
/// </summary>
[TestFixture]
public sealed class PrintTests
{
    private static readonly string[] OtherFormats = ["results.json", "report.html", "report.md", "samples.csv", "report.json"];

    [Test]
    public async Task Report_pdf_writes_a_pdf_with_the_chromium_found_on_path_whose_pages_show_the_japanese_report()
    {
        using var dir = new TempDirectory();
        var run = await Runs.DemoAsync(dir.Path);

        var print = await CliRun.InvokeAsync(["report", run, "--pdf", "--lang", "ja"], new Dictionary<string, string> { ["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin" });

        Assert.That(print.ExitCode, Is.Zero, print.All);
        Assert.That(print.Out, Does.Contain("pdf: "));
        var pdf = File.ReadAllBytes(Path.Combine(run, "report.pdf"));
        TestContext.AddTestAttachment(Path.Combine(run, "report.pdf"), "the printed report");
        Assert.That(Encoding.ASCII.GetString(pdf, 0, 5), Is.EqualTo("%PDF-"));
        Assert.That(Encoding.ASCII.GetString(pdf[^32..]).TrimEnd(), Does.EndWith("%%EOF"), "the file is complete");
        Assert.That(PdfText.PageCount(pdf), Is.GreaterThan(1), "the whole report, not one screen");

        // Japanese labels of the report (strings.json) and of the smoke suite's samples, drawn with real glyphs.
        var drawn = PdfText.DrawnCharacters(pdf);
        Assert.That(drawn, Is.SupersetOf("評価レポート概要".Select(c => c.ToString())), "the Japanese title and headings are text in the PDF");
        Assert.That(drawn.Count(c => c[0] is >= '\u3040' and <= '\u30FF' or >= '\u4E00' and <= '\u9FFF'), Is.GreaterThan(50), "kana and kanji, not a handful of stray glyphs");
        Assert.That(drawn, Does.Not.Contain("\uFFFD"));
        Assert.That(Directory.GetFiles(run, "*.partial", new EnumerationOptions { AttributesToSkip = 0 }), Is.Empty);
    }

    [TestCase("variable")]
    [TestCase("path")]
    public async Task A_missing_chromium_costs_only_the_pdf_exits_3_and_says_how_to_install_it(string how)
    {
        using var dir = new TempDirectory();
        var run = await Runs.DemoAsync(dir.Path);
        foreach (var file in OtherFormats)
        {
            File.Delete(Path.Combine(run, file));
        }

        var variables = how == "variable"
            ? new Dictionary<string, string> { ["EVALH_CHROMIUM"] = dir.Combine("no-such-dir", "chromium"), ["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin" }
            : new Dictionary<string, string> { ["PATH"] = Directory.CreateDirectory(dir.Combine("empty-bin")).FullName };

        var print = await CliRun.InvokeAsync(["report", run, "--pdf"], variables);

        Artifacts.AttachText("transcript", $"exit code {print.ExitCode}\n--- stdout\n{print.Out}\n--- stderr\n{print.Error}");
        Assert.That(print.ExitCode, Is.EqualTo(3), print.All);
        Assert.That(print.Error.Trim().Split('\n'), Has.Length.EqualTo(1), "one message");
        Assert.That(print.Error, Does.Contain("Chromium"));
        Assert.That(print.Error, Does.Contain("apt-get install chromium"), "says how to install it");
        Assert.That(print.Error, Does.Contain("EVALH_CHROMIUM"), "names the variable that points at it");
        Assert.That(File.Exists(Path.Combine(run, "report.pdf")), Is.False);
        Assert.Multiple(() =>
        {
            foreach (var file in OtherFormats)
            {
                Assert.That(File.Exists(Path.Combine(run, file)), Is.True, file + " is still written");
            }
        });
    }

    [Test]
    public async Task In_print_the_controls_are_hidden_folded_sections_open_nothing_is_clipped_and_rows_and_samples_stay_whole()
    {
        using var dir = new TempDirectory();
        var run = await Runs.DemoAsync(dir.Path);
        using var page = ReportPage.Start();
        page.Open(Path.Combine(run, "report.html"));
        Assert.That(page.FindAll("details"), Is.Not.Empty, "the report has folded sections to open");

        page.Driver.ExecuteCdpCommand("Emulation.setEmulatedMedia", new Dictionary<string, object?> { ["media"] = "print" });
        page.Script<object?>("window.dispatchEvent(new Event('beforeprint'))");
        page.Screenshot("print-media");

        Assert.Multiple(() =>
        {
            foreach (var control in new[] { ".lang-toggle", ".filters", ".pager", ".toc" })
            {
                Assert.That(page.Find(control).Displayed, Is.False, $"{control} is not printed");
            }

            Assert.That(page.Find("h1").Displayed, Is.True);
            Assert.That(page.Script<bool>("return Array.from(document.querySelectorAll('details')).every(function (d) { return d.open; })"), Is.True,
                "groups, file hashes and earlier turns are printed open");
            Assert.That(page.SampleKeys(), Has.Count.EqualTo(24), "a run whose samples fit on one page prints every one of them");
            Assert.That(Style("tr", "break-inside"), Is.EqualTo("avoid"), "a metric row is never split across pages");
            Assert.That(Style("#samples article.sample", "break-inside"), Is.EqualTo("avoid"), "nor a sample");
            Assert.That(Style("h2", "break-after"), Is.EqualTo("avoid"), "a heading stays with what follows it");
            Assert.That(Style("#samples .untrusted", "max-height"), Is.EqualTo("none"), "long outputs are printed whole, not cut at the scroll box");
            Assert.That(Style("#samples .untrusted", "overflow-y"), Is.EqualTo("visible"));
            Assert.That(page.Script<bool>(
                "return Array.from(document.querySelectorAll('#samples .untrusted')).every(function (e) { return e.scrollHeight <= e.clientHeight + 1; })"), Is.True,
                "no output box hides part of its text");
        });

        string Style(string css, string property) =>
            page.Script<string>("return getComputedStyle(document.querySelector(arguments[0])).getPropertyValue(arguments[1])", css, property);
    }

    [Test]
    public async Task A_run_with_more_samples_than_a_page_prints_the_current_page_and_says_where_the_rest_is()
    {
        using var dir = new TempDirectory();
        var run = await Runs.MixedAsync(dir.Path);
        using var page = ReportPage.Start();
        page.Open(Path.Combine(run, "report.html"));
        var note = page.Find(".print-only");
        Assert.That(note.Displayed, Is.False, "on screen the note is not shown");

        page.Driver.ExecuteCdpCommand("Emulation.setEmulatedMedia", new Dictionary<string, object?> { ["media"] = "print" });
        page.Script<object?>("window.dispatchEvent(new Event('beforeprint'))");

        Assert.That(page.SampleKeys(), Has.Count.EqualTo(25), "the page the reader is on");
        Assert.That(note.Displayed, Is.True, "the printout says it holds one page of samples");
        Assert.That(note.Text, Does.Contain("samples.csv").And.Contain("report.json"), "and where every sample is");
    }
}
