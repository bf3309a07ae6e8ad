using EvalHarness.Extensions;

namespace EvalHarness.Reports;

/// <summary>Renders one view of a run (HTML, CSV, ...) from its log and derived results. <see cref="IExtension.Name"/> is its short name ("html").</summary>
public interface IRunReporter : IExtension
{
    /// <summary>File written inside the run directory.</summary>
    string FileName { get; }

    void Write(ReportInput input, string path);
}
