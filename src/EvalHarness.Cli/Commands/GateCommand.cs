using System.CommandLine;
using EvalHarness.Cli.Console;
using EvalHarness.Gating;
using EvalHarness.Validation;

namespace EvalHarness.Cli.Commands;

/// <summary>
/// <c>evalh gate &lt;run&gt; --policy FILE</c>: judges a run (and a baseline) against a policy. Exit 0 when every rule
/// passes, 1 when one fails, 2 for a bad policy, run or argument, in which case nothing is written.
/// </summary>
internal static class GateCommand
{
    public static Command Create(CliEnvironment env)
    {
        var run = new Argument<string>("run") { Description = "the run to judge: its directory (containing log.jsonl) or the log file itself" };
        var policy = new Option<string>("--policy") { HelpName = "file", Description = "the gate policy (YAML; see docs/gate.md)", Required = true };
        var baseline = BaselineOption();
        var junit = JunitOption();
        var junitSamples = new Option<bool>("--junit-samples") { Description = $"also one JUnit testcase per failed sample of failing thresholds over pass/fail scorers (at most {GateEvaluator.MaxFailedSamples} per check, {GateJunit.MaxSampleCases} in all)" };
        var markdown = new Option<string?>("--markdown") { HelpName = "file", Description = $"write the verdict as a Markdown summary to this file (it is also appended to ${GateSteps.StepSummaryVariable} when that is set)" };
        var format = new Option<string>("--format") { Description = "text (default) or json (the verdict) on standard output", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var output = new Option<string?>("--out", "-o") { HelpName = "file", Description = $"also write the verdict JSON to this file (it is always written to {GateFile.FileName} in the run directory)" };
        var command = new Command("gate", "Judge a run against a gate policy (thresholds on metrics and interval bounds, non-regression against a baseline, coverage, error rates): exit 0 pass, 1 fail, 2 bad input.")
        {
            run, policy, baseline, junit, junitSamples, markdown, format, output,
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(junitSamples) is not null && result.GetResult(junit) is null)
            {
                result.AddError("--junit-samples adds testcases to the JUnit file: give --junit <file> too");
            }
        });
        command.SetAction(parse => Execute(
            env,
            parse.GetValue(run)!,
            parse.GetValue(policy)!,
            parse.GetValue(baseline),
            new GateOutputs(parse.GetValue(junit), parse.GetValue(junitSamples), parse.GetValue(markdown), parse.GetValue(output)),
            parse.GetValue(format) == "json"));
        return command;
    }

    /// <summary><c>--baseline</c> of gate and run.</summary>
    internal static Option<string?> BaselineOption() => new("--baseline") { HelpName = "run", Description = "a baseline run (directory or log file) for the policy's non-regression rules" };

    /// <summary><c>--junit</c> of gate and run.</summary>
    internal static Option<string?> JunitOption() => new("--junit") { HelpName = "file", Description = "write the verdict as JUnit XML to this file: one testcase per rule evaluation" };

    private static int Execute(CliEnvironment env, string runPath, string policyPath, string? baselinePath, GateOutputs outputs, bool json)
    {
        var diagnostics = new DiagnosticBag();
        var policy = GateSteps.ReadPolicy(policyPath, diagnostics);
        if (diagnostics.HasErrors)
        {
            DiagnosticPrinter.Print(env.Error, diagnostics.Items);
            return ExitCodes.BadInput;
        }

        if (RunLogArgument.Read(env, runPath) is not { } log)
        {
            return ExitCodes.BadInput;
        }

        var baseline = baselinePath is null ? null : RunLogArgument.Read(env, baselinePath);
        if (baselinePath is not null && baseline is null)
        {
            return ExitCodes.BadInput;
        }

        var runDirectory = Path.GetDirectoryName(Path.GetFullPath(RunLogArgument.LogFile(runPath)!))!;
        GateSteps.CheckOutputs(outputs, runDirectory, diagnostics);
        if (baseline is not null && !policy!.UsesBaseline)
        {
            diagnostics.Warning("command line", 0, 0, "--baseline", "the policy has no non_regression rule, so the baseline is not used");
        }

        DiagnosticPrinter.Print(env.Error, diagnostics.Items);
        if (diagnostics.HasErrors)
        {
            return ExitCodes.BadInput;
        }

        var verdict = GateSteps.Evaluate(env, policy!, log, baseline);
        if (!GateSteps.Write(env, verdict, runDirectory, outputs))
        {
            return ExitCodes.BadInput;
        }

        if (json)
        {
            env.Out.WriteLine(GateFile.ToJson(verdict));
        }
        else
        {
            GatePrinter.Print(env.Out, verdict);
        }

        return verdict.Passed ? ExitCodes.Ok : ExitCodes.GateFailed;
    }
}
