using System.Diagnostics;
using EvalHarness.BrowserTests.Support;

namespace EvalHarness.BrowserTests;

/// <summary>
/// Regenerates the README's pictures of a real demo run: docs/images/report-demo.png and
/// report-demo-ja.png. Not part of the suite (it rewrites committed files); run it by hand:
/// <c>dotnet test tests/EvalHarness.BrowserTests --filter TestCategory=Screenshot</c>.
/// </summary>
[TestFixture]
[Explicit("rewrites docs/images; run by hand when the report's look changes")]
[Category("Screenshot")]
public sealed class ReadmeScreenshots
{
    private const int Width = 1280;

    [Test]
    public async Task Write_docs_images_report_demo_png_in_english_and_japanese()
    {
        using var dir = new TempDirectory();
        var run = dir.Combine("demo");
        await DemoRunAsync(run);
        var images = Path.Combine(RepoPaths.Root, "docs", "images");
        Directory.CreateDirectory(images);

        using var page = ReportPage.Start(Width, 1400);
        page.Open(Path.Combine(run, "report.html"));
        page.Find("[data-set-lang='en']").Click();
        Capture(page, Path.Combine(images, "report-demo.png"));
        page.Find("[data-set-lang='ja']").Click();
        Assert.That(page.Find("h1").Text, Is.EqualTo("EvalHarness 評価レポート"));
        Capture(page, Path.Combine(images, "report-demo-ja.png"));
    }

    /// <summary>
    /// The way <c>./run.sh</c> runs it: the real evalh from the repository root, so the report shows suite paths
    /// relative to the repository rather than to the test's working directory.
    /// </summary>
    private static async Task DemoRunAsync(string output)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var cli = Path.Combine(RepoPaths.Root, "src", "EvalHarness.Cli", "bin", configuration, "net10.0", "evalh.dll");
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = RepoPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true };

        // What ./run.sh runs without a model: every bundled suite against its demo recordings.
        foreach (var argument in new[] { cli, "run", "suites", "--model", "demo", "--out", output })
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.That(process.ExitCode, Is.Zero, await stdout + await stderr);
    }

    /// <summary>The top of the page down to the end of the first suite's metrics: header, overview and suites.</summary>
    private static void Capture(ReportPage page, string path)
    {
        var bottom = page.Script<long>("window.scrollTo(0, 0); return Math.ceil(document.querySelector('article.suite table.metrics').getBoundingClientRect().bottom + 28);");
        var height = (int)Math.Clamp(bottom, 1200, 1600);
        page.Driver.ExecuteCdpCommand("Emulation.setDeviceMetricsOverride", new Dictionary<string, object?>
        {
            ["width"] = Width,
            ["height"] = height,
            ["deviceScaleFactor"] = 1,
            ["mobile"] = false,
        });
        page.Driver.GetScreenshot().SaveAsFile(path);
        TestContext.AddTestAttachment(path, Path.GetFileName(path));
        TestContext.Out.WriteLine($"wrote {path} ({Width}×{height})");
    }
}
