using System.Globalization;
using EvalHarness.Cli.Console;
using EvalHarness.Evidence;

namespace EvalHarness.Cli.Commands;

/// <summary>What <c>evalh verify</c> prints: each difference on a line, or a summary a reader outside the project follows. Every name in it comes from the pack and is escaped.</summary>
internal static class VerifyPrinter
{
    public static void Print(TextWriter output, string packPath, EvidenceCheck check, IReadOnlyList<string> differences, RescoreReport? rescore)
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
            $"  records    {log.Samples.Count} sample records, {log.Samples.Count(s => s.IsError)} errored, {manifest.Cache.CachedSamples} answers from the response cache{(manifest.Cache.FromRuns is { Count: > 0 } runs ? $" (first asked in run {string.Join(", ", runs)})" : string.Empty)}"));
        Line(output, "  gate       " + (manifest.Gate is { } gate ? $"{gate.Verdict} (policy SHA-256 {gate.PolicySha256}{(gate.PolicyEntry is null ? ", policy not in the pack" : string.Empty)})" : "none"));
        Line(output, "  signature  " + check.Signature);
        Line(output, string.Create(CultureInfo.InvariantCulture, $"  packed     {manifest.Created.UtcDateTime:yyyy-MM-dd HH:mm} UTC by evalh {manifest.Harness} on {manifest.Runtime}, {manifest.Os}"));
        Line(output, "  checked");
        foreach (var item in check.Checked)
        {
            Line(output, "    - " + item);
        }

        Line(output, rescore is null
            ? "    - re-scoring: not performed"
            : string.Create(CultureInfo.InvariantCulture,
                $"    - re-scoring: {rescore.ScorersRescored} deterministic scorers re-computed on {rescore.SamplesRescored} answers, {rescore.JudgeScorersFromLog} judge scorers' verdicts taken from the log, {rescore.ResourcesChecked} rubric and lexicon hashes and {rescore.MetricsCompared} metrics compared: all equal the packed results"));
        foreach (var note in rescore?.NotChecked ?? [])
        {
            Line(output, "  not checked " + note);
        }

        foreach (var missing in manifest.Missing)
        {
            Line(output, $"  not packed {missing.Item}: {missing.Reason}");
        }

        Line(output, rescore is null
            ? "  This shows the files are the ones packed and that the suite files are the ones the run recorded; it does not show that the endpoint was the model named."
            : "  This shows the files are the ones packed, that the suite files are the ones the run recorded and that the scores and metrics follow from the recorded answers; it does not show that the endpoint was the model named.");
    }

    private static void Line(TextWriter output, string text) => output.WriteLine(ConsoleText.Safe(text));
}
