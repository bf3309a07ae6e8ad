using EvalHarness.Validation;

namespace EvalHarness.Cli.Console;

/// <summary>Prints input problems, one line each, errors first.</summary>
public static class DiagnosticPrinter
{
    /// <summary>
    /// Commands other than validate stop after this many lines: a run over a dataset whose every record is
    /// broken should not bury its summary. `evalh validate` prints them all, since listing is its job.
    /// </summary>
    public const int MaxLines = 200;

    public static void Print(TextWriter writer, IReadOnlyList<Diagnostic> diagnostics, bool all = false)
    {
        var ordered = diagnostics.OrderBy(d => d.IsError ? 0 : 1).ToList();
        var shown = all ? ordered.Count : Math.Min(MaxLines, ordered.Count);
        foreach (var d in ordered.Take(shown))
        {
            writer.WriteLine(ConsoleText.Safe(d.ToString()));
        }

        if (ordered.Count > shown)
        {
            writer.WriteLine($"… and {ordered.Count - shown} more problems not shown; `evalh validate` lists every one");
        }

        var errors = diagnostics.Count(d => d.IsError);
        if (errors > 1)
        {
            writer.WriteLine($"{errors} errors");
        }
    }
}
