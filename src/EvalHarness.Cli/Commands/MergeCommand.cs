using System.CommandLine;
using EvalHarness.Cli.Console;
using EvalHarness.Engine;
using EvalHarness.Infrastructure;
using EvalHarness.Logs;
using EvalHarness.Reports;
using EvalHarness.Results;
using EvalHarness.Validation;

namespace EvalHarness.Cli.Commands;

/// <summary><c>evalh merge &lt;shard dirs…&gt; --out DIR</c>: one run out of the shards that several machines ran.</summary>
internal static class MergeCommand
{
    public static Command Create(CliEnvironment env)
    {
        var inputs = new Argument<string[]>("runs") { Description = "run directories of the shards (each with a log.jsonl)", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out", "-o") { Description = "directory for the merged run (must be new or empty)", Required = true };
        var command = new Command("merge", "Merge the run directories of shards (--shard i/n) into one run whose results equal a single-machine run.") { inputs, output };
        command.SetAction(parse => Merge(env, parse.GetValue(inputs) ?? [], parse.GetValue(output)!));
        return command;
    }

    private static int Merge(CliEnvironment env, IReadOnlyList<string> inputs, string output)
    {
        var diagnostics = new DiagnosticBag();
        if (OutputDirectory.IsOccupied(output))
        {
            diagnostics.Error("command line", 0, 0, "--out", $"{DisplayPaths.For(output)} already contains files; choose another directory");
        }
        else if (WritableDirectory.Problem(output) is { } unwritable)
        {
            diagnostics.Error("command line", 0, 0, "--out", unwritable);
        }

        var logs = new List<(string, RunLog)>();
        foreach (var input in inputs)
        {
            var path = Path.Combine(input, RunFiles.Log);
            try
            {
                logs.Add((DisplayPaths.For(input), RunLogReader.Read(path)));
            }
            catch (InvalidInputException ex)
            {
                diagnostics.AddRange(ex.Diagnostics);
            }
        }

        if (diagnostics.HasErrors)
        {
            DiagnosticPrinter.Print(env.Error, diagnostics.Items);
            return ExitCodes.BadInput;
        }

        (LogHeader Header, IReadOnlyList<SampleRecord> Samples, LogFooter Footer) merged;
        try
        {
            merged = RunMerger.Merge(logs, EvalRunner.NewRunId(env.Time.GetUtcNow()));
        }
        catch (InvalidInputException ex)
        {
            DiagnosticPrinter.Print(env.Error, ex.Diagnostics);
            return ExitCodes.BadInput;
        }

        Directory.CreateDirectory(output);
        var logPath = Path.Combine(output, RunFiles.Log);
        using (var writer = RunLogWriter.Create(logPath))
        {
            writer.Write(merged.Header);
            foreach (var record in merged.Samples)
            {
                writer.Write(record);
            }

            writer.Write(merged.Footer);
        }

        var log = RunLogReader.Read(logPath);
        var results = new ResultsBuilder(Composition.Catalog).Build(log);
        ResultsFile.Write(Path.Combine(output, RunFiles.Results), results);
        foreach (var problem in Composition.Reporters().WriteAll(new ReportInput(log, results), output))
        {
            env.Error.WriteLine(ConsoleText.Safe("warning: " + problem));
        }

        ResultsPrinter.Print(env.Out, results, log.Header);
        env.Out.WriteLine(ConsoleText.Safe($"merged {logs.Count} runs into {DisplayPaths.For(output)}"));
        return ExitCodes.Ok;
    }
}
