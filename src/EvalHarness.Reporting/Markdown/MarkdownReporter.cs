using System.Text;
using EvalHarness.Infrastructure;
using EvalHarness.Reports;

namespace EvalHarness.Reporting.Markdown;

/// <summary>
/// A Markdown summary of a run for pull-request comments and CI job summaries. It carries no model
/// output (that belongs in the HTML and CSV reports), but suite names, ids, group values and error
/// messages do appear and are escaped so that they cannot break tables or render as HTML or links.
/// </summary>
public sealed class MarkdownReporter : IRunReporter
{
    public static MarkdownReporter Default { get; } = new();

    public string Name => "markdown";


    public string Description => "a summary for pull requests and CI job summaries";

    public string FileName => "report.md";

    public void Write(ReportInput input, string path)
    {
        ArgumentNullException.ThrowIfNull(input);
        AtomicFile.Write(path, stream =>
        {
            using var text = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16, leaveOpen: true);
            var md = new MarkdownWriter(text);
            ResultSections.Summary(md, input);
            if (input.Gate is not null)
            {
                GateSection.Write(md, input.Gate);
            }

            ResultSections.Suites(md, input.Results, input.Log.Header);
            ResultSections.Overview(md, input.Results);
            CoverageSection.Write(md, input.Results.Coverage);
            if (input.Comparison is not null)
            {
                ComparisonSection.Write(md, input.Comparison);
            }

            ErrorsSection.Write(md, input.Log);
        });
    }
}
