using EvalHarness.Engine;
using EvalHarness.Infrastructure;
using EvalHarness.Logs;
using EvalHarness.Validation;

namespace EvalHarness.Cli.Commands;

/// <summary>A run to re-score: its log as read, and the SHA-256 of the bytes that were read.</summary>
internal sealed record RecordedRun(string LogPath, RunLog Log, string Sha256)
{
    /// <summary>Reads the run in <paramref name="path"/> (a run directory or its log); problems go to <paramref name="diagnostics"/>.</summary>
    public static RecordedRun? Read(string path, DiagnosticBag diagnostics)
    {
        var logPath = File.Exists(path) ? path : Path.Combine(path, RunFiles.Log);
        var display = DisplayPaths.For(logPath);
        if (!File.Exists(logPath))
        {
            diagnostics.Error("command line", 0, 0, "run", $"{DisplayPaths.For(path)} holds no {RunFiles.Log} to re-score");
            return null;
        }

        try
        {
            var before = Hashing.Sha256File(logPath);
            var log = RunLogReader.Read(logPath);

            // scored_from must name exactly what was scored: a log that grew meanwhile belongs to a run still going.
            if (Hashing.Sha256File(logPath) != before)
            {
                diagnostics.Error(display, 0, 0, null, "changed while it was read (is its run still going?); re-score it once the run has ended");
                return null;
            }

            return new RecordedRun(logPath, log, before);
        }
        catch (InvalidInputException ex)
        {
            diagnostics.AddRange(ex.Diagnostics);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(display, 0, 0, null, "cannot be read: " + ex.Message);
            return null;
        }
    }
}
