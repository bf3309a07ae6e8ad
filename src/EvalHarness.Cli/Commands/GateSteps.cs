using System.Text;
using EvalHarness.Cli.Console;
using EvalHarness.Gating;
using EvalHarness.Infrastructure;
using EvalHarness.Logs;
using EvalHarness.Reporting.Markdown;
using EvalHarness.Results;
using EvalHarness.Validation;

namespace EvalHarness.Cli.Commands;

/// <summary>What <c>evalh gate</c> and <c>evalh run --gate</c> share: reading the policy, checking outputs first, judging, writing.</summary>
internal static class GateSteps
{
    /// <summary>The CI job summary file GitHub Actions renders; a gate appends its Markdown summary when it is set.</summary>
    public const string StepSummaryVariable = "GITHUB_STEP_SUMMARY";

    public static GatePolicy? ReadPolicy(string path, DiagnosticBag diagnostics) =>
        GatePolicyReader.Read(path, diagnostics, Composition.Catalog.Metrics.Names);

    /// <summary>Problems with the files the gate will write, found before anything is written.</summary>
    public static void CheckOutputs(GateOutputs outputs, string? runDirectory, DiagnosticBag diagnostics)
    {
        foreach (var (flag, path) in outputs.Files())
        {
            if (Directory.Exists(path))
            {
                diagnostics.Error("command line", 0, 0, flag, $"{DisplayPaths.For(path)} is a directory; name a file");
            }
            else if (WritableDirectory.Problem(Path.GetDirectoryName(Path.GetFullPath(path))!) is { } problem)
            {
                diagnostics.Error("command line", 0, 0, flag, problem);
            }
        }

        if (runDirectory is not null && WritableDirectory.Problem(runDirectory) is { } unwritable)
        {
            diagnostics.Error("command line", 0, 0, "run", $"the gate writes {GateFile.FileName} into the run directory, but {unwritable}");
        }
    }

    public static GateVerdict Evaluate(CliEnvironment env, GatePolicy policy, RunLog run, RunLog? baseline) =>
        GateEvaluator.Evaluate(policy, new ResultsBuilder(Composition.Catalog), run, baseline, env.Time.GetUtcNow());

    /// <summary>Writes gate.json and every requested output; false (after saying why) when one could not be written.</summary>
    public static bool Write(CliEnvironment env, GateVerdict verdict, string runDirectory, GateOutputs outputs)
    {
        var current = GateFile.FileName;
        try
        {
            GateFile.Write(Path.Combine(runDirectory, GateFile.FileName), verdict);
            if (outputs.Json is { } json)
            {
                current = json;
                GateFile.Write(json, verdict);
            }

            if (outputs.Junit is { } junit)
            {
                current = junit;
                GateJunit.Write(junit, verdict, outputs.JunitSamples);
            }

            if (outputs.Markdown is { } markdown)
            {
                current = markdown;
                AtomicFile.WriteAllText(markdown, GateSection.Summary(verdict));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            env.Error.WriteLine(ConsoleText.Safe($"error: cannot write {current}: {ex.Message}"));
            return false;
        }

        AppendStepSummary(env, verdict);
        return true;
    }

    /// <summary>GitHub Actions shows this file on the job's page; a failure to append costs only the summary, so it is a warning.</summary>
    private static void AppendStepSummary(CliEnvironment env, GateVerdict verdict)
    {
        if (env.Variables(StepSummaryVariable) is not { Length: > 0 } path)
        {
            return;
        }

        try
        {
            File.AppendAllText(path, GateSection.Summary(verdict), new UTF8Encoding(false));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            env.Error.WriteLine(ConsoleText.Safe($"warning: {StepSummaryVariable}: cannot append the gate summary to {path}: {ex.Message}"));
        }
    }
}
