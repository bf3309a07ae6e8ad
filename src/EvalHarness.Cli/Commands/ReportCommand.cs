using System.CommandLine;
using System.Globalization;
using EvalHarness.Cli.Console;
using EvalHarness.Comparison;
using EvalHarness.Engine;
using EvalHarness.Infrastructure;
using EvalHarness.Logs;
using EvalHarness.Reporting.Pdf;
using EvalHarness.Reports;
using EvalHarness.Results;
using EvalHarness.Validation;

namespace EvalHarness.Cli.Commands;

/// <summary>
/// <c>evalh report &lt;run dir&gt;</c>: re-derives results.json and every report format from log.jsonl alone,
/// optionally against a baseline run (<c>--compare</c>) and as PDF (<c>--pdf</c>).
/// </summary>
internal static class ReportCommand
{
    public static Command Create(CliEnvironment env)
    {
        var run = new Argument<string>("run") { Description = "a run directory (containing log.jsonl) or the log file itself" };
        var compare = new Option<string?>("--compare") { Description = "a baseline run directory: show each metric's change from it (paired tests, adjusted p-values, as evalh compare), significant regressions first" };
        var language = new Option<string?>("--lang") { Description = "language the report opens in: en or ja (default: from the suites)" };
        language.AcceptOnlyFromAmong("en", "ja");
        var pdf = new Option<bool>("--pdf") { Description = "also print the report to report.pdf with a locally installed Chromium" };
        var output = new Option<string?>("--out", "-o") { Description = "directory for the reports (default: the run directory)" };
        var showPersonalData = ShowPersonalDataOption();
        var command = new Command("report", "Regenerate results.json and the reports (HTML, Markdown, CSV, JSON) of a run from its log.jsonl.") { run, compare, language, pdf, output, showPersonalData };
        command.SetAction((parse, cancellationToken) => ExecuteAsync(env, parse.GetValue(run)!, parse.GetValue(compare), parse.GetValue(language), parse.GetValue(pdf), parse.GetValue(output), parse.GetValue(showPersonalData)));
        return command;
    }

    /// <summary><c>--show-personal-data</c> of run and report: personal data a scorer found is masked in reports unless asked for.</summary>
    internal static Option<bool> ShowPersonalDataOption() => new("--show-personal-data")
    {
        Description = "show the personal data scorers found in outputs (phone numbers, My Number, addresses, e-mail, card numbers) in the reports instead of masking it; log.jsonl always keeps the raw output",
    };

    private static async Task<int> ExecuteAsync(CliEnvironment env, string path, string? comparePath, string? language, bool pdf, string? output, bool showPersonalData)
    {
        var runDirectory = File.Exists(path) ? Path.GetDirectoryName(Path.GetFullPath(path))! : path;
        RunLog log;
        RunLog? baseline = null;
        Gating.GateVerdict? gate;
        try
        {
            log = RunLogReader.Read(File.Exists(path) ? path : Path.Combine(path, RunFiles.Log));
            if (comparePath is not null)
            {
                baseline = RunLogReader.Read(File.Exists(comparePath) ? comparePath : Path.Combine(comparePath, RunFiles.Log));
            }

            // A gated run's verdict (evalh gate, run --gate) belongs in its reports.
            gate = Gating.GateFile.ReadIfPresent(runDirectory);
            if (gate is not null && gate.LogRecords != log.Samples.Count)
            {
                env.Error.WriteLine(ConsoleText.Safe($"warning: {Gating.GateFile.FileName} judged an earlier state of the log ({gate.LogRecords} records, now {log.Samples.Count}); the reports leave it out until 'evalh gate' judges the run again"));
                gate = null;
            }
        }
        catch (InvalidInputException ex)
        {
            DiagnosticPrinter.Print(env.Error, ex.Diagnostics);
            return ExitCodes.BadInput;
        }

        var target = output ?? runDirectory;
        if (WritableDirectory.Problem(target) is { } unwritable)
        {
            DiagnosticPrinter.Print(env.Error, [new Diagnostic("command line", 0, 0, output is null ? "run" : "--out", unwritable + (output is null ? "; write the reports elsewhere with --out" : string.Empty))]);
            return ExitCodes.BadInput;
        }

        if (log.TornTail)
        {
            // Silently dropping it would hide that the run's writer was killed; the reports show what the log holds.
            env.Error.WriteLine(ConsoleText.Safe("note: the last line of the log is incomplete (its writer was stopped mid-record) and was left out; 'evalh run --resume' finishes an interrupted run"));
        }

        var builder = new ResultsBuilder(Composition.Catalog);
        var results = builder.Build(log);
        var comparison = baseline is null ? null : ComparisonBuilder.Compare(builder, log, results, baseline);
        if (comparison is { SuitesDiffer: true })
        {
            env.Error.WriteLine(ConsoleText.Safe("warning: " + SuiteDifference(comparison)));
        }

        Directory.CreateDirectory(target);
        ResultsFile.Write(Path.Combine(target, RunFiles.Results), results);
        // The builder keeps every sample's outcome for further questions about this log; the reports ask none.
        builder.Forget(log);
        LargeRunMemory.Release(log);
        var problems = Composition.Reporters().WriteAll(new ReportInput(log, results, comparison, language) { ShowPersonalData = showPersonalData, Gate = gate }, target);
        foreach (var problem in problems)
        {
            env.Error.WriteLine(ConsoleText.Safe("warning: " + problem));
        }

        ResultsPrinter.Print(env.Out, results, log.Header);
        if (comparison is not null)
        {
            env.Out.WriteLine(ConsoleText.Safe($"compared with {comparison.BaselineRunId} ({comparison.BaselineModel.Spec}): {comparison.Regressions} significant regressions, {comparison.Improvements} significant improvements ({CompareFormat.Correction(comparison.Correction)}-adjusted p < {comparison.Alpha.ToString("0.###", CultureInfo.InvariantCulture)} over {comparison.Tested} comparisons; the same figures as 'evalh compare {comparison.BaselineRunId} {comparison.CandidateRunId}')"));
        }

        env.Out.WriteLine(ConsoleText.Safe($"wrote {string.Join(", ", new[] { RunFiles.Results }.Concat(Composition.Reporters().Reporters.Select(r => r.FileName)))} in {DisplayPaths.For(target)}"));
        var printed = !pdf || await PrintAsync(env, target).ConfigureAwait(false);
        return problems.Count == 0 && printed ? ExitCodes.Ok : ExitCodes.Aborted;
    }

    private static string SuiteDifference(RunComparison comparison)
    {
        var parts = new List<string>();
        if (comparison.OnlyInCandidate.Count > 0)
        {
            parts.Add("only this run ran " + string.Join(", ", comparison.OnlyInCandidate));
        }

        if (comparison.OnlyInBaseline.Count > 0)
        {
            parts.Add("only the baseline ran " + string.Join(", ", comparison.OnlyInBaseline));
        }

        return $"the runs ran different suites ({string.Join("; ", parts)}): comparing only the suites both ran, with the overview rows recomputed over those";
    }

    /// <summary>
    /// The PDF comes last and on its own: without Chromium (or when it fails) every other report is
    /// already written, so one missing package costs only the PDF, and exit code 3 tells CI it is missing.
    /// </summary>
    private static async Task<bool> PrintAsync(CliEnvironment env, string target)
    {
        var pdfPath = Path.Combine(target, "report.pdf");
        if (ChromiumPdf.Find(env.Variables) is not { } browser)
        {
            env.Error.WriteLine(ConsoleText.Safe("error: report.pdf not written: " + ChromiumPdf.NotFoundMessage(env.Variables)));
            return false;
        }

        if (await ChromiumPdf.PrintAsync(browser, Path.Combine(target, RunFiles.Report), pdfPath, TimeSpan.FromMinutes(2)).ConfigureAwait(false) is { } failure)
        {
            env.Error.WriteLine(ConsoleText.Safe("error: report.pdf not written: " + failure));
            return false;
        }

        env.Out.WriteLine(ConsoleText.Safe($"pdf: {DisplayPaths.For(pdfPath)}"));
        return true;
    }
}
