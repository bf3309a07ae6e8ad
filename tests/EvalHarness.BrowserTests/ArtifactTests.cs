using EvalHarness.BrowserTests.Support;

namespace EvalHarness.BrowserTests;

/// <summary>Screenshots of browser tests are test artifacts, attached to the result, never files in the repository.</summary>
[TestFixture]
public sealed class ArtifactTests
{
    [Test]
    public async Task A_screenshot_is_a_png_written_outside_the_repository()
    {
        using var dir = new TempDirectory();
        var run = await Runs.DemoAsync(dir.Path);
        string shot;
        using (var page = ReportPage.Start())
        {
            page.Open(Path.Combine(run, "report.html"));
            shot = page.Screenshot("report");
        }

        var repository = Path.GetFullPath(RepoPaths.Root) + Path.DirectorySeparatorChar;
        Assert.Multiple(() =>
        {
            Assert.That(File.Exists(shot), Is.True);
            Assert.That(File.ReadAllBytes(shot).Take(8), Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), "a PNG");
            Assert.That(Path.GetFullPath(shot), Does.Not.StartWith(repository), "not inside the repository");
        });
    }
}
