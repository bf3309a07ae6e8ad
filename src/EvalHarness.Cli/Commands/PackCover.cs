using System.Security.Cryptography;
using EvalHarness.Engine;
using EvalHarness.Evidence;
using EvalHarness.Gating;
using EvalHarness.Logs;
using EvalHarness.Reporting.Html;
using EvalHarness.Reporting.Pdf;
using EvalHarness.Reports;
using EvalHarness.Results;
using EvalHarness.Validation;

namespace EvalHarness.Cli.Commands;

/// <summary>
/// The HTML report a signed pack carries: rendered from the run's log like every report, with the gate's verdict and
/// the signing key's fingerprint on its cover, so the page a procurement officer prints names the key to check.
/// </summary>
internal static class PackCover
{
    /// <summary>The report's bytes, or null (the run's own report.html is packed) when the log cannot be read.</summary>
    public static byte[]? Render(string runDirectory, ECDsa? key)
    {
        RunLog log;
        GateVerdict? gate;
        try
        {
            log = RunLogReader.Read(Path.Combine(runDirectory, RunFiles.Log));
            gate = GateFile.ReadIfPresent(runDirectory) is { } verdict && verdict.LogRecords == log.Samples.Count ? verdict : null;
        }
        catch (InvalidInputException)
        {
            // The packer reads the log again and reports the problem with its file and line.
            return null;
        }

        var results = new ResultsBuilder(Composition.Catalog).Build(log);
        var input = new ReportInput(log, results) { Gate = gate, SignatureFingerprint = key is null ? null : EvidenceKeys.Fingerprint(key) };
        var temporary = Path.Combine(Path.GetTempPath(), "evalh-pack-" + Guid.NewGuid().ToString("N") + ".html");
        try
        {
            HtmlReporter.Default.Write(input, temporary);
            return File.ReadAllBytes(temporary);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>The report printed to PDF by a local Chromium (offline, as <c>evalh report --pdf</c>), or null and why not.</summary>
    public static async Task<(byte[]? Pdf, string? Failure)> PrintAsync(CliEnvironment env, byte[]? html)
    {
        if (html is null)
        {
            return (null, "the run's log could not be read to render the report");
        }

        if (ChromiumPdf.Find(env.Variables) is not { } browser)
        {
            return (null, ChromiumPdf.NotFoundMessage(env.Variables, "Nothing was packed; pack without --pdf, or print with 'evalh report --pdf'."));
        }

        var directory = Directory.CreateTempSubdirectory("evalh-pack-pdf-");
        try
        {
            var htmlPath = Path.Combine(directory.FullName, RunFiles.Report);
            var pdfPath = Path.Combine(directory.FullName, "report.pdf");
            await File.WriteAllBytesAsync(htmlPath, html).ConfigureAwait(false);
            return await ChromiumPdf.PrintAsync(browser, htmlPath, pdfPath, TimeSpan.FromMinutes(2)).ConfigureAwait(false) is { } failure
                ? (null, failure)
                : (await File.ReadAllBytesAsync(pdfPath).ConfigureAwait(false), null);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
