using System.Security.Cryptography;
using EvalHarness.Engine;
using EvalHarness.Evidence;
using EvalHarness.Gating;
using EvalHarness.Logs;
using EvalHarness.Reporting.Html;
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
    public static byte[]? Render(string runDirectory, ECDsa key)
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
        var input = new ReportInput(log, results) { Gate = gate, SignatureFingerprint = EvidenceKeys.Fingerprint(key) };
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
}
