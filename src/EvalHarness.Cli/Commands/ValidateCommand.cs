using System.CommandLine;
using EvalHarness.Cli.Console;
using EvalHarness.Cli.Suites;
using EvalHarness.Validation;

namespace EvalHarness.Cli.Commands;

/// <summary><c>evalh validate</c>: loads suites and reports every problem at once.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliEnvironment env)
    {
        var suites = new Argument<string[]>("suites") { Description = "suite files, suite directories, directories of suites, names under suites/, or aisev dataset CSVs (or directories of them)", Arity = ArgumentArity.OneOrMore };
        var loading = new LoadingOptions();
        var gsn = RunCommand.GsnOption();
        var command = new Command("validate", "Check suite files and datasets; print every problem with file, line and field (exit code 2 when any).") { suites, gsn };
        foreach (var option in loading.All)
        {
            command.Add(option);
        }

        command.SetAction(parse =>
        {
            var diagnostics = new DiagnosticBag();
            var files = SuiteArguments.Resolve(parse.GetValue(suites) ?? [], env.SuitesRoot, diagnostics);
            var loaded = SuiteArguments.Load(files, diagnostics, loading.Read(parse), gsn: parse.GetValue(gsn));
            DiagnosticPrinter.Print(env.Error, diagnostics.Items, all: true);
            if (diagnostics.HasErrors)
            {
                return ExitCodes.BadInput;
            }

            foreach (var suite in loaded)
            {
                env.Out.WriteLine(ConsoleText.Safe($"ok: {suite.Name} ({suite.Path}): {suite.Samples.Count} samples, scorers {string.Join(", ", suite.Scorers.Select(s => s.Id))}, {suite.Epochs.Count} epoch(s)"));
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
