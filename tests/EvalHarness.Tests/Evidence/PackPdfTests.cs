using EvalHarness.Cli;
using EvalHarness.Reporting.Pdf;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Evidence;

/// <summary><c>evalh pack --pdf</c>: the pack's own report, cover first, printed for a procurement file.</summary>
[TestFixture]
public sealed class PackPdfTests
{
    [Test]
    public async Task A_pack_with_pdf_carries_the_printed_report_and_verifies_or_is_refused_whole_without_a_browser()
    {
        using var dir = new TempDirectory();
        var run = await EvidenceRun.CreateAsync(dir);
        var zip = dir.Combine("evidence.zip");

        // The browser is found on the PATH, as a user's shell gives it.
        var path = new Dictionary<string, string> { ["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? string.Empty };
        var pack = await CliRun.InvokeAsync(["pack", run, "-o", zip, "--pdf"], path);

        if (ChromiumPdf.Find(name => path.GetValueOrDefault(name)) is null)
        {
            // No browser here: the pack is refused as a whole rather than written without the PDF it was asked for.
            Assert.That(pack.ExitCode, Is.EqualTo(ExitCodes.Aborted), pack.All);
            Assert.That(pack.Error, Does.Contain("report.pdf could not be made"));
            Assert.That(File.Exists(zip), Is.False);
            return;
        }

        Assert.That(pack.ExitCode, Is.EqualTo(0), pack.All);
        var pdf = ZipFiles.Read(zip).Single(e => e.Name == "run/report.pdf").Data;
        Assert.That(System.Text.Encoding.ASCII.GetString(pdf, 0, 5), Is.EqualTo("%PDF-"));
        Assert.That(File.Exists(Path.Combine(run, "report.pdf")), Is.False, "the run directory is left as it was");
        var verify = await EvidenceRun.VerifyAsync(zip);
        Assert.That(verify.ExitCode, Is.EqualTo(0), verify.All);
    }
}
