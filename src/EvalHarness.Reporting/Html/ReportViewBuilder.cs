using System.Globalization;
using EvalHarness.Logs;
using EvalHarness.Reports;
using EvalHarness.Results;
using EvalHarness.Taxonomy;

namespace EvalHarness.Reporting.Html;

/// <summary>Shapes a run into what the report template shows. Numbers are formatted once, here, from results.json's values.</summary>
internal static class ReportViewBuilder
{
    public const int MaxErrorsListed = 200;

    public static object Build(ReportInput input, string style, string script)
    {
        var results = input.Results;
        var log = input.Log;
        var label = Labels.Get(results.Model.Label);
        var errors = log.Samples.Where(s => s.IsError).ToList();
        var explorer = ExplorerData.Encode(log);
        return new
        {
            Lang = input.EffectiveLanguage,
            Csp = ContentSecurityPolicy.For(script, style),
            Style = style,
            Script = script,
            StringsJson = Labels.Json.Replace("<", "\\u003c", StringComparison.Ordinal),
            DataIndex = explorer.Index,
            DataChunks = explorer.Chunks,
            ChunkSize = explorer.ChunkSize,
            Title = "EvalHarness: " + string.Join(", ", results.Suites.Select(s => s.Name)) + " — " + results.Model.Spec,
            Harness = results.Harness.ToString(),
            results.Model,
            ModelLabelEn = label.En,
            ModelLabelJa = label.Ja,
            results.RunId,
            results.Status,
            Started = Time(results.Started),
            Ended = results.Ended is { } e ? Time(e) : null,
            results.Counts,
            Suites = results.Suites.Select(Suite).ToList(),
            RiskRadar = RadarChart.Render(Axes(RiskCategories.All, results.Overview.Risks), "risks"),
            PerspectiveRadar = RadarChart.Render(Axes(Perspectives.All, results.Overview.Perspectives), "perspectives"),
            Risks = results.Overview.Risks.Select(Overview).ToList(),
            Perspectives = results.Overview.Perspectives.Select(Overview).ToList(),
            Comparison = input.Comparison is { } c ? Comparison(c) : null,
            Errors = errors.Take(MaxErrorsListed).Select(s => new { s.Suite, s.Id, s.Epoch, s.Error!.Kind, s.Error.Message, Status = s.Error.Status?.ToString(CultureInfo.InvariantCulture) }).ToList(),
            ErrorsMore = errors.Count > MaxErrorsListed,
            ErrorCount = errors.Count,
            SampleCount = log.Samples.Count,
        };
    }

    private static object Suite(SuiteResults suite) => new
    {
        suite.Name,
        suite.Version,
        suite.Language,
        suite.Counts,
        Epochs = suite.Epochs.Count,
        suite.Epochs.Reducer,
        suite.Files,
        Metrics = suite.Metrics.Select(m => Metric(suite.Name, null, m)).ToList(),
        Groups = suite.Groups.SelectMany(g => g.Metrics.Select(m => Metric(suite.Name, $"{g.Key} = {g.Value}", m))).ToList(),
    };

    private static object Metric(string suite, string? group, MetricResult m) => new
    {
        Key = string.Join('|', suite, group ?? string.Empty, m.Scorer, m.Metric),
        Group = group,
        m.Scorer,
        m.Metric,
        RawValue = m.Value?.ToString("R", CultureInfo.InvariantCulture),
        Value = MetricFormat.Value(m.Proportion, m.Value),
        Interval = MetricFormat.Interval(m.Proportion, m.CiLow, m.CiHigh),
        m.CiMethod,
        m.N,
        m.Unscored,
        Bar = Svg.IntervalBar(m.Value, m.CiLow, m.CiHigh),
    };

    private static object Overview(OverviewEntry entry) => new
    {
        entry.Id,
        entry.English,
        entry.Japanese,
        RawValue = entry.Value?.ToString("R", CultureInfo.InvariantCulture),
        Value = MetricFormat.Value(true, entry.Value),
        Interval = MetricFormat.Interval(true, entry.CiLow, entry.CiHigh),
        entry.N,
        Suites = string.Join(", ", entry.Suites),
        Bar = Svg.IntervalBar(entry.Value, entry.CiLow, entry.CiHigh),
    };

    private static object Comparison(RunComparison comparison) => new
    {
        comparison.BaselineRunId,
        Baseline = comparison.BaselineModel.Spec,
        comparison.Regressions,
        comparison.Improvements,
        comparison.SuitesDiffer,
        comparison.OnlyInCandidate,
        comparison.OnlyInBaseline,
        Deltas = comparison.Deltas.Select(d => new
        {
            d.Suite,
            d.Group,
            d.Scorer,
            d.Metric,
            Baseline = MetricFormat.Value(d.Proportion, d.Baseline),
            Candidate = MetricFormat.Value(d.Proportion, d.Candidate),
            Delta = MetricFormat.Delta(d.Proportion, d.Delta),
            RawDelta = d.Delta?.ToString("R", CultureInfo.InvariantCulture),
            d.Change,
        }).ToList(),
    };

    private static List<RadarAxis> Axes(IReadOnlyList<TaxonomyEntry> taxonomy, IReadOnlyList<OverviewEntry> measured) =>
        taxonomy
            .Select(t => measured.FirstOrDefault(m => m.Id == t.Id) is { } m
                ? new RadarAxis(t.English, t.Japanese, m.Value, m.CiLow, m.CiHigh)
                : new RadarAxis(t.English, t.Japanese, null, null, null))
            .ToList();

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
