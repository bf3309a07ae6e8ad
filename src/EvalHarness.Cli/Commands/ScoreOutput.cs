using EvalHarness.Engine;
using EvalHarness.Infrastructure;
using EvalHarness.Logs;
using EvalHarness.Reports;
using EvalHarness.Results;

namespace EvalHarness.Cli.Commands;

/// <summary>
/// Writes a re-scored run as a run directory: the log, results.json and every report. They are written
/// beside the target and moved into place at the end, so the target is either complete or absent.
/// </summary>
internal static class ScoreOutput
{
    /// <summary>Writes the run into <paramref name="directory"/> (new or empty); returns the reports that could not be written.</summary>
    public static IReadOnlyList<string> Write(RunLog log, RunResults results, string directory)
    {
        var target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        var parent = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".{Path.GetFileName(target)}.{Guid.NewGuid().ToString("N")[..8]}.partial");
        Directory.CreateDirectory(staging);
        try
        {
            using (var writer = RunLogWriter.Create(Path.Combine(staging, RunFiles.Log)))
            {
                writer.Write(log.Header);
                foreach (var limit in log.Limits)
                {
                    writer.Write(limit);
                }

                foreach (var record in log.Samples)
                {
                    writer.Write(record);
                }

                if (log.Footer is { } footer)
                {
                    writer.Write(footer);
                }
            }

            ResultsFile.Write(Path.Combine(staging, RunFiles.Results), results);
            var problems = Composition.Reporters().WriteAll(new ReportInput(log, results), staging)
                .Select(p => p.Replace(DisplayPaths.For(staging), DisplayPaths.For(target), StringComparison.Ordinal))
                .ToList();

            // The target was checked to be absent or empty before scoring began.
            if (Directory.Exists(target))
            {
                Directory.Delete(target);
            }

            Directory.Move(staging, target);
            return problems;
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }
}
