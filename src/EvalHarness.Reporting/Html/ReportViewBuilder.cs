using System.Globalization;
using EvalHarness.Comparison;
using EvalHarness.Logs;
using EvalHarness.Metrics;
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
        var explorer = ExplorerData.Encode(OutputMasking.ForDisplay(input));
        var riskAxes = OverviewView.Axes(RiskCategories.All, results.Overview.Risks);
        var perspectiveAxes = OverviewView.Axes(Perspectives.All, results.Overview.Perspectives);
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
            Gate = input.Gate is { } gate ? GateView.Build(gate) : null,
            Cover = CoverView.Build(input),
            results.Model,
            ModelLabelEn = label.En,
            ModelLabelJa = label.Ja,
            Judges = JudgeFacts.Roles(log.Header).Select(Judge).ToList(),
            JudgeBanners = JudgeFacts.NotLiveLabels(log.Header).Select(Bilingual).ToList(),
            log.Header.ScoredFrom,
            results.RunId,
            results.Status,
            Started = Time(results.Started),
            Ended = results.Ended is { } e ? Time(e) : null,
            results.Counts,
            Suites = results.Suites.Select(s => Suite(s, log.Header.Suites.FirstOrDefault(h => h.Name == s.Name), results.Seed)).ToList(),
            RiskRadar = RadarChart.Render(riskAxes, "radar-risks-text"),
            RiskRadarText = OverviewView.RadarText("risks", riskAxes),
            PerspectiveRadar = RadarChart.Render(perspectiveAxes, "radar-perspectives-text"),
            PerspectiveRadarText = OverviewView.RadarText("perspectives", perspectiveAxes),
            Risks = results.Overview.Risks.Select(OverviewView.Row).ToList(),
            RisksMeasured = OverviewView.MeasuredCount(results.Overview.Risks),
            Perspectives = results.Overview.Perspectives.Select(OverviewView.Row).ToList(),
            PerspectivesMeasured = OverviewView.MeasuredCount(results.Overview.Perspectives),
            Quality = results.Overview.Quality.Select(OverviewView.Row).ToList(),
            Coverage = CoverageView.Build(results.Coverage),
            Comparison = input.Comparison is { } c ? Comparison(c) : null,
            Errors = errors.Take(MaxErrorsListed).Select(s => new { s.Suite, s.Id, s.Epoch, s.Error!.Kind, s.Error.Message, Status = s.Error.Status?.ToString(CultureInfo.InvariantCulture) }).ToList(),
            ErrorsMore = errors.Count > MaxErrorsListed,
            ErrorCount = errors.Count,
            SampleCount = log.Samples.Count,
            ExplorerShown = explorer.Shown,
            ExplorerLimited = explorer.Shown < explorer.Total,
            ExplorerLimit = ExplorerData.MaxSamplesPerSuite,
        };
    }

    private static object Suite(SuiteResults suite, SuiteHeader? header, int seed) => new
    {
        suite.Name,
        suite.Version,
        suite.Language,
        suite.Counts,
        Epochs = suite.Epochs.Count,
        suite.Epochs.Reducer,
        suite.Files,
        Rubrics = (header?.Scorers ?? []).SelectMany(s => (s.Resources ?? []).Select(r => new { Scorer = s.Id, r.Name, r.Source, r.Sha256 })).ToList(),
        Metrics = suite.Metrics.Select(m => Metric(suite.Name, null, m, seed)).ToList(),
        HasJudgeErrors = suite.Metrics.Any(m => m.JudgeErrors > 0),
        Groups = suite.Groups.SelectMany(g => g.Metrics.Select(m => Metric(suite.Name, $"{g.Key} = {g.Value}", m, seed))).ToList(),
    };

    /// <summary>A role's models with their labels, the panel's vote and what every call was sent with, in both languages.</summary>
    private static object Judge(RoleHeader role)
    {
        var panel = role.Models.Count > 1;
        var temperature = Labels.Get("temperature");
        var seed = Labels.Get("seed");
        var settings = new List<(string En, string Ja)>();
        if (role.Settings.Temperature is { } t)
        {
            var value = t.ToString("0.###", CultureInfo.InvariantCulture);
            settings.Add((temperature.En + " " + value, temperature.Ja + " " + value));
        }

        if (role.Settings.Seed is { } s)
        {
            var value = s.ToString(CultureInfo.InvariantCulture);
            settings.Add((seed.En + " " + value, seed.Ja + " " + value));
        }

        var (voteEn, voteJa) = Labels.Has("vote_" + role.Vote) ? Labels.Get("vote_" + role.Vote) : (role.Vote, role.Vote);
        return new
        {
            TitleKey = role.Name == "judge" ? (panel ? "judges" : "judge") : null,
            role.Name,
            Models = role.Models.Select(m => new { m.Spec, m.BaseUrl, m.Live, Label = Bilingual(m.Label) }).ToList(),
            Panel = panel,
            Count = role.Models.Count,
            Vote = new { En = voteEn, Ja = voteJa },
            SettingsEn = string.Join(" · ", settings.Select(p => p.En)),
            SettingsJa = string.Join(" · ", settings.Select(p => p.Ja)),
        };
    }

    private static object Bilingual(string key)
    {
        var (en, ja) = Labels.Get(key);
        return new { En = en, Ja = ja };
    }

    private static object Metric(string suite, string? group, MetricResult m, int seed) => new
    {
        Key = string.Join('|', suite, group ?? string.Empty, m.Scorer, m.Metric),
        Group = group,
        m.Scorer,
        m.Metric,
        RawValue = m.Value?.ToString("R", CultureInfo.InvariantCulture),
        Value = MetricFormat.Value(m.Proportion, m.Value),
        Interval = MetricFormat.Interval(m.Proportion, m.CiLow, m.CiHigh),
        m.CiMethod,
        MethodLabel = IntervalMethods.Label(m.CiMethod, m.CiResamples),
        MethodText = IntervalMethods.Describe(m.CiMethod, m.CiResamples, seed),
        m.N,
        m.Unscored,
        m.JudgeErrors,
        JudgeErrorText = m.JudgeErrors > 0 ? Counted(m.JudgeErrors == 1 ? "judge_errors_one" : "judge_errors_many", m.JudgeErrors) : null,
        Bar = Svg.IntervalBar(m.Value, m.CiLow, m.CiHigh),
    };

    /// <summary>A label with "{n}" filled in, in both languages.</summary>
    private static object Counted(string key, int n)
    {
        var (en, ja) = Labels.Get(key);
        var text = n.ToString(CultureInfo.InvariantCulture);
        return new { En = en.Replace("{n}", text, StringComparison.Ordinal), Ja = ja.Replace("{n}", text, StringComparison.Ordinal) };
    }

    private static object Comparison(RunComparison comparison) => new
    {
        comparison.BaselineRunId,
        Baseline = comparison.BaselineModel.Spec,
        comparison.Regressions,
        comparison.Improvements,
        comparison.SuitesDiffer,
        comparison.OnlyInCandidate,
        comparison.OnlyInBaseline,
        Alpha = comparison.Alpha.ToString("0.###", CultureInfo.InvariantCulture),
        Correction = CompareFormat.Correction(comparison.Correction),
        comparison.Tested,
        comparison.Seed,
        comparison.Resamples,
        comparison.ResamplesNeeded,
        Pairing = comparison.Pairing.Where(p => p.FilesDiffer || p.OnlyInA > 0 || p.OnlyInB > 0).Select(p => new
        {
            p.Suite,
            p.FilesDiffer,
            OnlyInBaseline = p.OnlyInA,
            OnlyInCandidate = p.OnlyInB,
        }).ToList(),
        Deltas = comparison.Deltas.Select(d => new
        {
            d.Suite,
            d.Group,
            d.Scorer,
            d.Metric,
            Baseline = MetricFormat.Value(d.Proportion, d.Baseline),
            Candidate = MetricFormat.Value(d.Proportion, d.Candidate),
            Delta = d.Row is { } row ? CompareFormat.Difference(row) : MetricFormat.Delta(d.Proportion, d.Delta),
            RawDelta = d.Delta?.ToString("R", CultureInfo.InvariantCulture),
            AdjustedP = d.Row is null ? null : CompareFormat.PValue(d.AdjustedPValue),
            d.Significant,
            d.Test,
            Detectable = d.Row is { } r ? CompareFormat.Detectable(r) : null,
            d.Change,
            ChangeKey = ChangeKey(d.Change),
        }).ToList(),
    };

    /// <summary>The strings.json key and CSS class suffix of a comparison row's change.</summary>
    private static string ChangeKey(string change) => change switch
    {
        MetricChange.NoChange => "no_change",
        MetricChange.TooFew => "too_few",
        _ => change,
    };

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
