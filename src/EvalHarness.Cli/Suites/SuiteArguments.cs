using EvalHarness.Infrastructure;
using EvalHarness.Loading;
using EvalHarness.Scoring;
using EvalHarness.Suites;
using EvalHarness.Validation;

namespace EvalHarness.Cli.Suites;

/// <summary>
/// Turns command-line suite arguments into loaded suites. An argument may be a suite file, a suite
/// directory, a directory of suites (every subdirectory with a suite.yaml), or a bare name under suites/.
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
                diagnostics.Error("command line", 0, 0, "suite", $"'{argument}' is not a suite file, a suite directory or the name of a suite under {DisplayPaths.For(suitesRoot)}");
            }
        }

        return files.DistinctBy(f => f.File, StringComparer.Ordinal).ToList();
    }

    /// <param name="roles">Where the run binds its judges; scorers created here resolve them when scoring.</param>
    public static List<Suite> Load(IEnumerable<SuitePath> files, DiagnosticBag diagnostics, LoadOptions? options = null, IModelRoles? roles = null)
    {
        var loader = Composition.SuiteLoader(roles);
        var suites = new List<Suite>();
        foreach (var file in files)
        {
            if (loader.Load(file.File, diagnostics, (options ?? LoadOptions.Default) with { Root = file.Root }) is { } suite)
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
            diagnostics.Error(DisplayPaths.For(directory), 0, 0, null, $"contains no {SuiteLoader.DefaultFileName}, and none of its subdirectories does");
        }

        files.AddRange(children.Select(child => new SuitePath(child, root)));
    }
}
