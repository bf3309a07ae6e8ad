namespace EvalHarness.Reports;

/// <summary>
/// A reporter with one-time work that does not depend on the run (compiling a template): done while the run waits
/// on the model, it is off the time between the last answer and the reports.
/// </summary>
public interface IReporterWarmUp
{
    void WarmUp();
}
