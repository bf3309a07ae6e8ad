using System.CommandLine;
using EvalHarness.Cli.Console;
using EvalHarness.Comparison;
using EvalHarness.Infrastructure;
using EvalHarness.Results;
using EvalHarness.Statistics;

namespace EvalHarness.Cli.Commands;

/// <summary>
/// <c>evalh compare A B</c>: pairs two runs sample by sample and tests every metric, overall and per group, with
/// all p-values adjusted together. Exits 0 whatever it finds: deciding to fail a build is the gate's job.
/// </summary>
internal static class CompareCommand
{
    public static Command Create(CliEnvironment env)
    {
        var runA = new Argument<string>("run A") { Description = "the baseline run directory (containing log.jsonl) or the log file itself" };
        var runB = new Argument<string>("run B") { Description = "the candidate run; differences are B − A" };
        var format = new Option<string>("--format") { Description = "text (default) or json on standard output", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var output = new Option<string?>("--out", "-o") { Description = "also write the comparison as JSON to this file" };
        var alpha = new Option<double>("--alpha") { Description = "significance level for the adjusted p-values (default 0.05)", DefaultValueFactory = _ => 0.05 };
        var correction = new Option<string>("--correction") { Description = "multiple-testing correction across all rows: holm (default) or bh (Benjamini–Hochberg)", DefaultValueFactory = _ => "holm" };
        correction.AcceptOnlyFromAmong("holm", "bh");
        var midP = new Option<bool>("--mid-p") { Description = "use McNemar's mid-p value instead of the exact one" };
        var seed = new Option<int?>("--seed") { Description = "bootstrap seed (default: run A's seed)" };
        var resamples = new Option<int>("--resamples") { Description = "paired-bootstrap resamples per row (default 2000); the smallest bootstrap p-value is 2/(resamples + 1)", DefaultValueFactory = _ => CompareOptions.DefaultResamples };
        var command = new Command("compare", "Compare two runs sample by sample: per metric, scorer and group and for the overview's pass rates, both values, the difference B − A with a paired-bootstrap interval, McNemar, Wilcoxon or paired-bootstrap p-values adjusted across all rows, the minimum detectable difference, and a verdict.")
        {
            runA, runB, format, output, alpha, correction, midP, seed, resamples,
        };
        command.SetAction(parse =>
        {
            var options = new CompareOptions(
                parse.GetValue(alpha),
                parse.GetValue(correction) == "bh" ? MultipleTesting.BenjaminiHochbergMethod : MultipleTesting.HolmMethod,
                parse.GetValue(midP),
                parse.GetValue(seed))
            {
                Resamples = parse.GetValue(resamples),
                AutoResamples = parse.GetResult(resamples) is not { Implicit: false },
            };
            return Execute(env, parse.GetValue(runA)!, parse.GetValue(runB)!, options, parse.GetValue(format) == "json", parse.GetValue(output));
        });
        return command;
    }

    private static int Execute(CliEnvironment env, string pathA, string pathB, CompareOptions options, bool json, string? output)
    {
        if (options.Alpha is <= 0 or >= 1)
        {
            env.Error.WriteLine(ConsoleText.Safe($"error: --alpha must be between 0 and 1 (got {options.Alpha})"));
            return ExitCodes.BadInput;
        }

        if (options.Resamples is < 100 or > 1_000_000)
        {
            env.Error.WriteLine(ConsoleText.Safe($"error: --resamples must be between 100 and 1000000 (got {options.Resamples})"));
            return ExitCodes.BadInput;
        }

        if (RunLogArgument.Read(env, pathA) is not { } a || RunLogArgument.Read(env, pathB) is not { } b)
        {
            return ExitCodes.BadInput;
        }

        var comparison = RunComparer.Compare(new ResultsBuilder(Composition.Catalog), a, b, options);
        if (output is not null && !TryWrite(env, output, comparison))
        {
            return ExitCodes.BadInput;
        }

        if (json)
        {
            env.Out.WriteLine(CompareJson.Write(comparison));
        }
        else
        {
            ComparePrinter.Print(env.Out, comparison);
        }

        return ExitCodes.Ok;
    }

    private static bool TryWrite(CliEnvironment env, string file, RunPairComparison comparison)
    {
        try
        {
            AtomicFile.WriteAllText(file, CompareJson.Write(comparison) + "\n");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            env.Error.WriteLine(ConsoleText.Safe($"error: --out: cannot write {file}: {ex.Message}"));
            return false;
        }
    }
}
