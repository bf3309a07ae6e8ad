using EvalHarness.Infrastructure;
using EvalHarness.Logs;

namespace EvalHarness.Reports;

/// <summary>
/// Runs several reporters; one that fails does not stop the others, and its failure is returned as
/// data for the caller to show.
/// </summary>
public sealed class ReporterSet
{
    private readonly List<IRunReporter> _reporters;

    public ReporterSet(IEnumerable<IRunReporter> reporters)
    {
        _reporters = reporters.ToList();
    }

    public IReadOnlyList<IRunReporter> Reporters => _reporters;

    /// <summary>Starts the reporters' one-time work in the background; failures surface when the reports are written.</summary>
    public Task WarmUp() => Task.Run(() =>
    {
        foreach (var reporter in _reporters.OfType<IReporterWarmUp>())
        {
            try
            {
                reporter.WarmUp();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Writing the report does the same work again and reports the failure where the user sees it.
            }
        }
    });

    /// <summary>
    /// Starts writing the reports that need only the log (<see cref="ILogReporter"/>) in the background and returns the
    /// set of the others, to be written with <see cref="WriteAll"/> once the results are derived. The task gives the
    /// problems of the started ones; await it before leaving, even when deriving the results fails.
    /// </summary>
    public (ReporterSet Others, Task<IReadOnlyList<string>> Started) StartFromLog(RunLog log, bool showPersonalData, string directory)
    {
        ArgumentNullException.ThrowIfNull(log);
        var early = _reporters.Where(r => r is ILogReporter).ToList();
        if (early.Count == 0)
        {
            return (this, Task.FromResult<IReadOnlyList<string>>([]));
        }

        var started = Task.Run<IReadOnlyList<string>>(() => Write(early, reporter => ((ILogReporter)reporter).Write(log, showPersonalData, Path.Combine(directory, reporter.FileName)), directory));
        return (new ReporterSet(_reporters.Where(r => r is not ILogReporter)), started);
    }

    /// <summary>Writes every report into <paramref name="directory"/>; returns the problems, empty when all succeeded.</summary>
    /// <remarks>
    /// Reporters only read the run, so they write side by side: the reports are most of what a run does after
    /// its last answer, and a second core halves that wait.
    /// </remarks>
    public IReadOnlyList<string> WriteAll(ReportInput input, string directory) =>
        Write(_reporters, reporter => reporter.Write(input, Path.Combine(directory, reporter.FileName)), directory);

    private static List<string> Write(List<IRunReporter> reporters, Action<IRunReporter> write, string directory)
    {
        var problems = new string?[reporters.Count];
        Parallel.For(0, reporters.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var reporter = reporters[i];
            try
            {
                write(reporter);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                problems[i] = $"{reporter.Name} report ({DisplayPaths.For(Path.Combine(directory, reporter.FileName))}) was not written: {ex.Message}";
            }
        });

        return problems.OfType<string>().ToList();
    }
}
