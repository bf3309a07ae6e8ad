using EvalHarness.Infrastructure;
using EvalHarness.Japanese.Aisev.Gsn;
using EvalHarness.Loading;
using EvalHarness.Scoring;
using EvalHarness.Suites;
using EvalHarness.Validation;

namespace EvalHarness.Cli.Suites;

/// <summary>
/// Turns command-line suite arguments into loaded suites. An argument may be a suite file, a suite
/// directory, a directory of suites (every subdirectory with a suite.yaml), or a bare name under suites/;
/// or an aisev dataset CSV, or a directory of them, each run as a suite of its own (<see cref="AisevSuites"/>).
/// </summary>
internal static class SuiteArguments
{
    public static List<SuitePath> Resolve(IEnumerable<string> arguments, string suitesRoot, DiagnosticBag diagnostics)
    {
        var files = new List<SuitePath>();
        foreach (var argument in arguments)
        {
            if (File.Exists(argument))
            {
                files.Add(new SuitePath(argument, Path.GetDirectoryName(Path.GetFullPath(argument))!));
            }
            else if (Directory.Exists(argument))
            {
                AddDirectory(argument, files, diagnostics);
            }
            else if (!argument.Contains('/', StringComparison.Ordinal) && Directory.Exists(Path.Combine(suitesRoot, argument)))
            {
                AddDirectory(Path.Combine(suitesRoot, argument), files, diagnostics);
            }
            else
            {
                diagnostics.Error("command line", 0, 0, "suite", $"'{argument}' is not a suite file, a suite directory or the name of a suite under {DisplayPaths.For(suitesRoot)}, nor an aisev dataset CSV");
            }
        }

        return files.DistinctBy(f => f.File, StringComparer.Ordinal).ToList();
    }

    /// <param name="files">The suites to load.</param>
    /// <param name="diagnostics">Where problems go.</param>
    /// <param name="options">Which files suites may read and how much.</param>
    /// <param name="roles">Where the run binds its judges; scorers created here resolve them when scoring.</param>
    /// <param name="gsn">A directory of aisev GSN files (<c>--gsn</c>) to weigh aisev CSV rows with, or null.</param>
    public static List<Suite> Load(IEnumerable<SuitePath> files, DiagnosticBag diagnostics, LoadOptions? options = null, IModelRoles? roles = null, string? gsn = null)
    {
        options ??= LoadOptions.Default;
        var list = files.ToList();
        var weights = gsn is null ? null : GsnWeights.Load(gsn, diagnostics);
        if (gsn is not null && !list.Exists(f => AisevSuites.IsAisevCsv(f.File)))
        {
            diagnostics.Warning("command line", 0, 0, "--gsn", "weighs the rows of aisev dataset CSVs, and no suite of this command is one; it is not used");
        }

        var loader = Composition.SuiteLoader(roles);
        var suites = new List<Suite>();
        foreach (var file in list)
        {
            var suite = AisevSuites.IsAisevCsv(file.File)
                ? AisevSuites.Load(file, weights, options, roles ?? ModelRoles.None, diagnostics)
                : loader.Load(file.File, diagnostics, options with { Root = file.Root });
            if (suite is not null)
            {
                if (suites.Find(s => s.Name == suite.Name) is { } other)
                {
                    diagnostics.Error(suite.Path, 0, 0, "name", $"suite name '{suite.Name}' is also used by {other.Path}; names must be unique within a run");
                    continue;
                }

                suites.Add(suite);
            }
        }

        return suites;
    }

    private static void AddDirectory(string directory, List<SuitePath> files, DiagnosticBag diagnostics)
    {
        var root = Path.GetFullPath(directory);
        var own = SuiteLoader.ResolveSuiteFile(directory);
        if (File.Exists(own))
        {
            files.Add(new SuitePath(own, root));
            return;
        }

        var children = Directory.GetDirectories(directory)
            .Order(StringComparer.Ordinal)
            .Select(SuiteLoader.ResolveSuiteFile)
            .Where(File.Exists)
            .ToList();
        if (children.Count == 0)
        {
            // A directory of aisev CSVs (J-AISI's presets as downloaded) is a run of one suite per file.
            var datasets = Directory.GetFiles(directory).Where(AisevSuites.IsAisevCsv).Order(StringComparer.Ordinal).ToList();
            if (datasets.Count == 0)
            {
                diagnostics.Error(DisplayPaths.For(directory), 0, 0, null, $"contains no {SuiteLoader.DefaultFileName}, none of its subdirectories does, and it holds no aisev dataset CSV");
            }

            files.AddRange(datasets.Select(csv => new SuitePath(csv, root)));
            return;
        }

        files.AddRange(children.Select(child => new SuitePath(child, root)));
    }
}
