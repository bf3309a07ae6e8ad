using EvalHarness.Logs;

namespace EvalHarness.Reports;

/// <summary>
/// A reporter that needs only the run log, not the results derived from it: a run can write it while it derives the
/// results, on the core that would otherwise wait (<see cref="ReporterSet.StartFromLog"/>).
/// </summary>
public interface ILogReporter : IRunReporter
{
    /// <param name="showPersonalData">As <see cref="ReportInput.ShowPersonalData"/>.</param>
    void Write(RunLog log, bool showPersonalData, string path);
}
