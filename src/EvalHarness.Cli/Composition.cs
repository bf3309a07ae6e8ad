using EvalHarness.Loading;
using EvalHarness.Metrics;
using EvalHarness.Reporting.Csv;
using EvalHarness.Reporting.Html;
using EvalHarness.Reporting.Json;
using EvalHarness.Reporting.Markdown;
using EvalHarness.Reports;
using EvalHarness.Scorers;
using EvalHarness.Scoring;
using EvalHarness.Solvers;

namespace EvalHarness.Cli;

/// <summary>The one place where the built-in parts are put together.</summary>
public static class Composition
{
    public static ScorerCatalog Scorers => BuiltInScorers.Catalog;

    public static SolverCatalog Solvers => SolverCatalog.BuiltIn;

    public static MetricCatalog Metrics { get; } = MetricCatalog.BuiltIn.With(BuiltInScorers.Metrics);

    public static DatasetFormatCatalog Formats => DatasetFormatCatalog.BuiltIn;

    public static SuiteLoader SuiteLoader() => new(Scorers, Solvers, Metrics, Formats);

    public static ReporterSet Reporters() => new([HtmlReporter.Default, SamplesCsvReporter.Default, MarkdownReporter.Default, JsonReporter.Default]);
}
