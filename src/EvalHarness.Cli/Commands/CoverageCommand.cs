using System.CommandLine;
using System.Text.Json;
using EvalHarness.Cli.Console;
using EvalHarness.Cli.Suites;
using EvalHarness.Coverage;
using EvalHarness.Infrastructure;
using EvalHarness.Suites;
using EvalHarness.Validation;

namespace EvalHarness.Cli.Commands;

/// <summary>
/// <c>evalh coverage</c>: which of the AI Basic Plan's risks and J-AISI's perspectives a set of suites covers,
/// counted from the samples' tags, beside the coverage map (where the Plan names each risk, the suites designed
/// for it). No model is called.
/// </summary>
internal static class CoverageCommand
{
    public const string Schema = "evalharness.coverage/1";

    public static Command Create(CliEnvironment env)
    {
        var suites = new Argument<string[]>("suites") { Description = "suite files, suite directories, directories of suites or names under suites/ (default: suites/, the bundled suites)", Arity = ArgumentArity.ZeroOrMore };
        var format = new Option<string>("--format") { Description = "text (default) or json on standard output", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var output = new Option<string?>("--out", "-o") { Description = "also write the map as JSON to this file" };
        var loading = new LoadingOptions();
        var command = new Command(
            "coverage",
            "Show which risks of Japan's AI Basic Plan and which J-AISI perspectives the suites cover: where the Plan names each risk, the suites designed for it, and the samples tagged with it (ja/en); lists what no suite covers. Loads the suites only; no model is called.")
        {
            suites, format, output,
        };
        foreach (var option in loading.All)
        {
            command.Add(option);
        }

        command.SetAction(parse =>
        {
            var diagnostics = new DiagnosticBag();
            var arguments = parse.GetValue(suites) is { Length: > 0 } given ? given : [env.SuitesRoot];
            var files = SuiteArguments.Resolve(arguments, env.SuitesRoot, diagnostics);
            var loaded = SuiteArguments.Load(files, diagnostics, loading.Read(parse));
            DiagnosticPrinter.Print(env.Error, diagnostics.Items);
            if (diagnostics.HasErrors)
            {
                return ExitCodes.BadInput;
            }

            var coverage = Count(loaded, CoverageMap.Bundled);
            if (parse.GetValue(output) is { } file && !TryWrite(env, file, coverage))
            {
                return ExitCodes.BadInput;
            }

            if (parse.GetValue(format) == "json")
            {
                env.Out.WriteLine(Json(coverage));
            }
            else
            {
                CoveragePrinter.Print(env.Out, coverage, CoverageMap.Bundled);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Every sample of the suites with its tags and the scorers that apply to it.</summary>
    public static RunCoverage Count(IReadOnlyList<Suite> suites, CoverageMap map)
    {
        var samples = suites
            .SelectMany(suite => suite.Samples.Select(sample => new CoverageSample(
                suite.Name, sample.Metadata, sample.Language, suite.ScorersFor(sample).Select(s => s.Name).Distinct(StringComparer.Ordinal).ToList())))
            .ToList();
        return CoverageBuilder.Build(samples, suites.Select(s => s.Name).ToList(), map);
    }

    /// <summary>The coverage with a schema name, so scripts can tell this document from results.json.</summary>
    public static string Json(RunCoverage coverage)
    {
        var node = JsonSerializer.SerializeToNode(coverage, EvalJson.Indented.GetTypeInfo(typeof(RunCoverage)))!.AsObject();
        node.Insert(0, "schema", Schema);
        return node.ToJsonString(EvalJson.Indented);
    }

    private static bool TryWrite(CliEnvironment env, string file, RunCoverage coverage)
    {
        try
        {
            AtomicFile.WriteAllText(file, Json(coverage) + "\n");
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            env.Error.WriteLine(ConsoleText.Safe($"error: --out: cannot write {file}: {ex.Message}"));
            return false;
        }
    }
}
