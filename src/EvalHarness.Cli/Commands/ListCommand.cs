using System.CommandLine;
using EvalHarness.Cli.Console;
using EvalHarness.Cli.Suites;
using EvalHarness.Infrastructure;
using EvalHarness.Judges.Rubrics;
using EvalHarness.Extensions;
using EvalHarness.Models;
using EvalHarness.Validation;

namespace EvalHarness.Cli.Commands;

/// <summary><c>evalh list suites|scorers|models|metrics|solvers|formats|reducers|tokenizers|taxonomies|reporters|packs|rubrics</c>.</summary>
internal static class ListCommand
{
    public static Command Create(CliEnvironment env)
    {
        var command = new Command("list", "List what is available: suites, scorers, models, metrics, solvers, dataset formats, reducers, tokenizers, taxonomies, reporters, packs, rubrics.");

        var directory = new Argument<string?>("directory") { Description = "where to look for suites (default: suites/)", Arity = ArgumentArity.ZeroOrOne };
        var suites = new Command("suites", "Suites found in a directory, with their sample counts.") { directory };
        suites.SetAction(parse => ListSuites(env, parse.GetValue(directory) ?? env.SuitesRoot));
        command.Add(suites);

        var catalog = Composition.Catalog;
        command.Add(Simple("scorers", "Scorers a suite can use.", env, () => Rows(catalog.Scorers.All, catalog.Scorers.PackOf)));
        var models = Simple("models", "Forms of --model and --judge: the models a run can call.", env, () => catalog.Models.Forms.Select(f => (f.Form, f.Description, catalog.Models.PackOf(ModelSpec.Parse(f.Form).Kind))));
        models.Aliases.Add("targets");
        command.Add(models);
        command.Add(Simple("metrics", "Metrics a scorer can report.", env, () => Rows(catalog.Metrics.All, catalog.Metrics.PackOf)));
        command.Add(Simple("solvers", "Solver steps a suite can use.", env, () => Rows(catalog.Solvers.All, catalog.Solvers.PackOf)));
        command.Add(Simple("formats", "Dataset formats a suite can name in dataset.format.", env, () => Rows(catalog.Formats.All, catalog.Formats.PackOf)));
        command.Add(Simple("reducers", "Ways to combine epochs.", env, () => Rows(catalog.Reducers.InOrder, catalog.Reducers.PackOf)));
        command.Add(Simple("tokenizers", "Tokenizers the similarity scorers' tokenize option can name.", env, () => Rows(catalog.Tokenizers.All, catalog.Tokenizers.PackOf)));
        command.Add(Simple("taxonomies", "Metadata keys whose values must name an entry of a taxonomy, with their entries.", env, () => catalog.Taxonomies.All.Select(t => (t.Name, $"{t.Description}: {string.Join(", ", t.Entries.Select(e => e.Id))}", catalog.Taxonomies.PackOf(t.Name)))));
        command.Add(Simple("reporters", "Reports written beside every run's log.", env, () => Rows(catalog.Reporters.InOrder, catalog.Reporters.PackOf)));
        command.Add(Simple("packs", "The packs this evalh is composed of, in order.", env, () => catalog.Packs.Select(p => (p, string.Empty, (string?)null))));
        command.Add(Simple("rubrics", "Built-in rubrics a judge scorer can name (options: {rubric: <id>}); see docs/judges.md for rubric files.", env, () => RubricCatalog.BuiltIn.Ids.Select(id =>
        {
            var versions = RubricCatalog.BuiltIn.All.Where(r => r.Id == id).ToList();
            var english = versions.Find(r => r.Language == "en") ?? versions[0];
            return (id, $"{english.Description.ReplaceLineEndings(" ")} ({string.Join(", ", versions.Select(r => r.Language))})", (string?)"judges");
        })));
        return command;
    }

    private static IEnumerable<(string Name, string Description, string? Pack)> Rows(IEnumerable<IExtension> items, Func<string, string?> packOf) =>
        items.Select(i => (i.Name, i.Description, packOf(i.Name)));

    /// <summary>One row per item: name, description, and the pack that registered it (so a user knows where a scorer comes from).</summary>
    private static Command Simple(string name, string description, CliEnvironment env, Func<IEnumerable<(string Name, string Description, string? Pack)>> items)
    {
        var command = new Command(name, description);
        command.SetAction(_ =>
        {
            var rows = items().ToList();
            var width = rows.Max(r => r.Name.Length);
            foreach (var (item, text, pack) in rows)
            {
                var from = pack is null ? string.Empty : $"  [{pack}]";
                env.Out.WriteLine($"{item.PadRight(width)}  {text}{from}".TrimEnd());
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
