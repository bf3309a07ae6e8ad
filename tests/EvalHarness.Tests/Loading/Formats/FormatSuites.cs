using EvalHarness.Cli;
using EvalHarness.Suites;
using EvalHarness.Tests.Support;
using EvalHarness.Validation;

namespace EvalHarness.Tests.Loading.Formats;

/// <summary>Writes a suite around one dataset file and loads it the way <c>evalh</c> does.</summary>
internal static class FormatSuites
{
    public static (Suite? Suite, DiagnosticBag Diagnostics) Load(TempDirectory dir, string suiteYaml, string dataFile, string data)
    {
        var path = SuiteFiles.Write(dir, suiteYaml, dataFile, data);
        var diagnostics = new DiagnosticBag();
        return (Composition.SuiteLoader().Load(path, diagnostics), diagnostics);
    }

    /// <summary>Every diagnostic as the CLI prints it, with the directory part of the path removed.</summary>
    public static List<string> Messages(DiagnosticBag diagnostics) =>
        diagnostics.Items.Select(d => d with { File = Path.GetFileName(d.File) }).Select(d => d.ToString()).ToList();
}
