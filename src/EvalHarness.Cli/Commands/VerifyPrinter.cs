using System.Globalization;
using EvalHarness.Cli.Console;
using EvalHarness.Evidence;

namespace EvalHarness.Cli.Commands;

/// <summary>What <c>evalh verify</c> prints: each difference on a line, or a summary a reader outside the project follows. Every name in it comes from the pack and is escaped.</summary>
internal static class VerifyPrinter
{
    public static void Print(TextWriter output, string packPath, EvidenceCheck check, IReadOnlyList<string> differences, bool rescored)
    {
        var manifest = check.Manifest!;
        if (differences.Count > 0)
        {
            foreach (var difference in differences)
            {
                output.WriteLine(ConsoleText.Safe("DIFF  " + difference));
            }

            output.WriteLine(ConsoleText.Safe(string.Create(CultureInfo.InvariantCulture,
                $"evidence pack FAILED: {packPath}: {differences.Count} difference{(differences.Count == 1 ? string.Empty : "s")}; do not rely on its results")));
            return;
        }

        var log = check.Log!;
        var header = log.Header;
        Line(output, $"evidence pack OK: {packPath}");
        Line(output, string.Create(CultureInfo.InvariantCulture, $"  run        {header.RunId}, {manifest.RunStatus}, started {header.Started.UtcDateTime:yyyy-MM-dd HH:mm} UTC{(log.Resumes.Count > 0 ? $", resumed {log.Resumes.Count} time{(log.Resumes.Count == 1 ? string.Empty : "s")}" : string.Empty)}"));
        Line(output, $"  model      {header.Model.Spec} ({header.Model.Label})");
        Line(output, "  suites     " + string.Join(", ", header.Suites.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Name} ({s.Samples} samples)"))));
        Line(output, string.Create(CultureInfo.InvariantCulture,
            $"  records    {log.Samples.Count} sample records, {log.Samples.Count(s => s.IsError)} errored, {manifest.Cache.CachedSamples} answers from the response cache"));
        Line(output, "  gate       " + (manifest.Gate is { } gate ? $"{gate.Verdict} (policy SHA-256 {gate.PolicySha256}{(gate.PolicyEntry is null ? ", policy not in the pack" : string.Empty)})" : "none"));
        Line(output, "  signature  " + check.Signature);
        Line(output, string.Create(CultureInfo.InvariantCulture, $"  packed     {manifest.Created.UtcDateTime:yyyy-MM-dd HH:mm} UTC by evalh {manifest.Harness} on {manifest.Runtime}, {manifest.Os}"));
        Line(output, "  checked");
        foreach (var item in check.Checked)
        {
            Line(output, "    - " + item);
        }

        Line(output, rescored ? "    - re-scoring: the packed log re-scored from the packed suite files gives the packed results" : "    - re-scoring: not performed");
        foreach (var missing in manifest.Missing)
        {
            Line(output, $"  not packed {missing.Item}: {missing.Reason}");
        }

        Line(output, "  This shows the files are the ones packed and that the suite files are the ones the run recorded; it does not show that the endpoint was the model named.");
    }

    private static void Line(TextWriter output, string text) => output.WriteLine(ConsoleText.Safe(text));
}
