using EvalHarness.Cli.Console;
using EvalHarness.Engine;
using EvalHarness.Logs;
using EvalHarness.Validation;

namespace EvalHarness.Cli.Commands;

/// <summary>A run named on the command line: its directory (containing log.jsonl) or the log file itself.</summary>
internal static class RunLogArgument
{
    /// <summary>The log file a path names, or null when it names no run.</summary>
    public static string? LogFile(string path)
    {
        var file = File.Exists(path) ? path : Path.Combine(path, RunFiles.Log);
        return File.Exists(file) ? file : null;
    }

    /// <summary>The run's log, or null after printing why it cannot be read.</summary>
    public static RunLog? Read(CliEnvironment env, string path)
    {
        if (LogFile(path) is not { } file)
        {
            env.Error.WriteLine(ConsoleText.Safe($"error: {path}: not a run (no {RunFiles.Log} there)"));
            return null;
        }

        try
        {
            return RunLogReader.Read(file);
        }
        catch (InvalidInputException ex)
        {
            DiagnosticPrinter.Print(env.Error, ex.Diagnostics);
            return null;
        }
    }

    /// <summary>The run's log, or null after adding why it cannot be read to <paramref name="diagnostics"/>.</summary>
    public static RunLog? Read(string path, string flag, DiagnosticBag diagnostics)
    {
        if (LogFile(path) is not { } file)
        {
            diagnostics.Error("command line", 0, 0, flag, $"{path}: not a run (no {RunFiles.Log} there)");
            return null;
        }

        try
        {
            return RunLogReader.Read(file);
        }
        catch (InvalidInputException ex)
        {
            diagnostics.AddRange(ex.Diagnostics);
            return null;
        }
    }
}
