using EvalHarness.Infrastructure;

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

    /// <summary>Writes every report into <paramref name="directory"/>; returns the problems, empty when all succeeded.</summary>
    /// <remarks>
    /// Reporters only read the run, so they write side by side: the reports are most of what a run does after
    /// its last answer, and a second core halves that wait.
    /// </remarks>
    public IReadOnlyList<string> WriteAll(ReportInput input, string directory)
    {
        var problems = new string?[_reporters.Count];
        Parallel.For(0, _reporters.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var reporter = _reporters[i];
            try
            {
                reporter.Write(input, Path.Combine(directory, reporter.FileName));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                problems[i] = $"{reporter.Name} report ({DisplayPaths.For(Path.Combine(directory, reporter.FileName))}) was not written: {ex.Message}";
            }
        });

        return problems.OfType<string>().ToList();
    }
}
