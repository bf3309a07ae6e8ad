using EvalHarness.Extensions;
using EvalHarness.Reporting.Csv;
using EvalHarness.Reporting.Html;
using EvalHarness.Reporting.Json;
using EvalHarness.Reporting.Markdown;

namespace EvalHarness.Reporting;

/// <summary>The reports every run writes beside its log: HTML, samples.csv, Markdown and JSON, in that order.</summary>
public sealed class ReportingPack : IEvalPack
{
    public static ReportingPack Default { get; } = new();

    public string Name => "reporting";

    public void Register(EvalBuilder builder) => builder
        .AddReporter(HtmlReporter.Default)
        .AddReporter(SamplesCsvReporter.Default)
        .AddReporter(MarkdownReporter.Default)
        .AddReporter(JsonReporter.Default);
}
