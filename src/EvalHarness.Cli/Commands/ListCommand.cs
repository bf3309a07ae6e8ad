using System.CommandLine;
using EvalHarness.Cli.Console;
using EvalHarness.Cli.Suites;
using EvalHarness.Infrastructure;
using EvalHarness.Metrics;
using EvalHarness.Providers;
using EvalHarness.Validation;

namespace EvalHarness.Cli.Commands;

/// <summary><c>evalh list suites|scorers|models|metrics|solvers|formats|reducers</c>.</summary>
internal static class ListCommand
{
    public static Command Create(CliEnvironment env)
    {
        var command = new Command("list", "List what is available: suites, scorers, models, metrics, solvers, dataset formats, reducers.");

        var directory = new Argument<string?>("directory") { Description = "where to look for suites (default: suites/)", Arity = ArgumentArity.ZeroOrOne };
        var suites = new Command("suites", "Suites found in a directory, with their sample counts.") { directory };
        suites.SetAction(parse => ListSuites(env, parse.GetValue(directory) ?? env.SuitesRoot));
        command.Add(suites);

        command.Add(Simple("scorers", "Scorers a suite can use.", env, () => Composition.Scorers.All.Select(f => (f.Name, f.Description))));
        var models = Simple("models", "Forms of --model: the model under evaluation.", env, () => ModelFactory.Forms);
        models.Aliases.Add("targets");
        command.Add(models);
        command.Add(Simple("metrics", "Metrics a scorer can report.", env, () => Composition.Metrics.All.Select(m => (m.Name, m.Description))));
        command.Add(Simple("solvers", "Solver steps a suite can use.", env, () => Composition.Solvers.All.Select(s => (s.Name, s.Description))));
        command.Add(Simple("formats", "Dataset formats a suite can name in dataset.format.", env, () => Composition.Formats.All.Select(f => (f.Name, f.Description))));
        command.Add(Simple("reducers", "Ways to combine epochs.", env, () => ScoreReducers.All.Select(r => (r.Name, r.Description))));
        return command;
    }

    private static Command Simple(string name, string description, CliEnvironment env, Func<IEnumerable<(string Name, string Description)>> items)
    {
        var command = new Command(name, description);
        command.SetAction(_ =>
        {
            var rows = items().ToList();
            var width = rows.Max(r => r.Name.Length);
            foreach (var (item, text) in rows)
            {
                env.Out.WriteLine($"{item.PadRight(width)}  {text}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static int ListSuites(CliEnvironment env, string directory)
    {
        var diagnostics = new DiagnosticBag();
        var files = SuiteArguments.Resolve([directory], env.SuitesRoot, diagnostics);
        var suites = SuiteArguments.Load(files, diagnostics);
        foreach (var suite in suites)
        {
            env.Out.WriteLine(ConsoleText.Safe($"{suite.Name,-24} {suite.Samples.Count,6} samples  {suite.Language,-3} {DisplayPaths.For(suite.Path)}  {suite.Description}"));
        }

        DiagnosticPrinter.Print(env.Error, diagnostics.Items);
        return diagnostics.HasErrors ? ExitCodes.BadInput : ExitCodes.Ok;
    }
}
