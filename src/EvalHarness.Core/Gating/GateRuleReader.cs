using EvalHarness.Configuration;
using EvalHarness.Taxonomy;

namespace EvalHarness.Gating;

/// <summary>Reads one entry of a policy's <c>rules</c>: its id, description and exactly one rule kind.</summary>
internal sealed class GateRuleReader(int defaultMinSamples, IReadOnlySet<string>? knownMetrics)
{
    private static readonly string[] Kinds = ["threshold", "non_regression", "coverage", "max_error_rate", "max_judge_error_rate"];

    public GateRule? Read(ConfigSection rule)
    {
        var id = rule.GetString("id", required: true);
        if (id is not null && !GatePolicyReader.IdPattern().IsMatch(id))
        {
            rule.Error("id", "must start with a letter or digit and contain only letters, digits, '.', '_' and '-' (it names the rule in JUnit and CI output)");
            id = null;
        }

        var description = rule.GetString("description");
        var present = Kinds.Where(rule.Has).ToList();
        GateRule? result = null;
        if (present.Count == 0)
        {
            rule.Error(null, $"names no rule kind; give exactly one of: {string.Join(", ", Kinds)}");
        }
        else if (present.Count > 1)
        {
            rule.Error(present[1], $"a rule has exactly one kind, and this one also has {present[0]}; write a rule for each");
        }
        else
        {
            result = present[0] switch
            {
                "threshold" => Threshold(rule, id, description),
                "non_regression" => NonRegression(rule, id, description),
                "coverage" => Coverage(rule, id, description),
                "max_error_rate" => Rate(rule, "max_error_rate", (max, suite) => new ErrorRateRule(id!, description, max, suite)),
                _ => Rate(rule, "max_judge_error_rate", (max, suite) => new JudgeErrorRateRule(id!, description, max, suite)),
            };
        }

        rule.ReportUnknownKeys();
        return id is null ? null : result;
    }

    private ThresholdRule? Threshold(ConfigSection rule, string? id, string? description)
    {
        if (rule.GetSection("threshold", required: true) is not { } s)
        {
            return null;
        }

        var ok = true;
        var suites = s.GetStringList("suite") ?? [];
        var scorers = s.GetStringList("scorer") ?? [];
        var metric = s.GetString("metric");
        var overviewText = s.GetString("overview");
        var ids = s.GetStringList("ids") ?? [];
        var bound = Enum(s, "bound", MetricBound.Value, ["value", "lower", "upper"], [MetricBound.Value, MetricBound.Lower, MetricBound.Upper], ref ok);
        var absolute = s.GetBool("absolute") ?? false;
        var min = s.GetDouble("min");
        var max = s.GetDouble("max");
        var per = s.GetString("per");
        var minSamples = s.GetInt("min_samples", 0, 1_000_000) ?? defaultMinSamples;
        OverviewKind? overview = null;
        if (overviewText is not null)
        {
            overview = Enum<OverviewKind?>(s, "overview", null, ["risk", "perspective", "quality"], [OverviewKind.Risk, OverviewKind.Perspective, OverviewKind.Quality], ref ok);
        }

        if ((metric is null) == (overviewText is null))
        {
            s.Error(metric is null ? null : "overview", "give exactly one of metric (a metric of the suites) or overview (risk, perspective or quality: the overview's pass rate per entry)");
            ok = false;
        }

        if (overviewText is not null)
        {
            foreach (var (key, value) in new[] { ("suite", suites.Count > 0), ("scorer", scorers.Count > 0), ("per", per is not null) })
            {
                if (value)
                {
                    s.Error(key, "applies to metrics; an overview threshold checks each entry of the overview (choose entries with ids)");
                    ok = false;
                }
            }

            if (overview is { } kind)
            {
                ids = Canonical(s, "ids", ids, Taxonomy(kind), ref ok);
            }
        }
        else if (ids.Count > 0)
        {
            s.Error("ids", "applies to overview thresholds; for metrics, choose suites and scorers with suite and scorer");
            ok = false;
        }

        if (metric is not null && knownMetrics is not null && !knownMetrics.Contains(metric))
        {
            var suggestion = Suggest.Closest(metric, knownMetrics);
            s.Error("metric", $"unknown metric '{metric}'" + (suggestion is null ? string.Empty : $" (did you mean '{suggestion}'?)") + "; 'evalh list metrics' lists them");
            ok = false;
        }

        if (min is null && max is null)
        {
            s.Error(null, "give min, max or both");
            ok = false;
        }
        else if (min > max)
        {
            s.Error("min", $"{Number(min!.Value)} is above max {Number(max!.Value)}: no value could pass");
            ok = false;
        }

        s.ReportUnknownKeys();
        return ok && id is not null
            ? new ThresholdRule(id, description, suites, scorers, metric, overview, ids, bound, absolute, min, max, per, minSamples)
            : null;
    }

    private NonRegressionRule? NonRegression(ConfigSection rule, string? id, string? description)
    {
        if (rule.GetSection("non_regression", required: true) is not { } s)
        {
            return null;
        }

        var ok = true;
        var suites = s.GetStringList("suite") ?? [];
        var scorers = s.GetStringList("scorer") ?? [];
        var metrics = s.GetStringList("metric") ?? [];
        var significant = s.GetBool("significant") ?? true;
        var maxDifference = s.GetDouble("max_difference", 0);
        var per = s.GetString("per");
        var minSamples = s.GetInt("min_samples", 0, 1_000_000) ?? defaultMinSamples;
        var baseline = Enum(s, "baseline", true, ["required", "optional"], [true, false], ref ok);
        if (!significant && maxDifference is null)
        {
            s.Error("significant", "with significant: false, give max_difference: otherwise the rule checks nothing");
            ok = false;
        }

        s.ReportUnknownKeys();
        return ok && id is not null ? new NonRegressionRule(id, description, suites, scorers, significant, maxDifference, per, minSamples, baseline) { Metrics = metrics } : null;
    }

    private static CoverageRule? Coverage(ConfigSection rule, string? id, string? description)
    {
        if (rule.GetSection("coverage", required: true) is not { } s)
        {
            return null;
        }

        var ok = true;
        var risks = Canonical(s, "risks", s.GetStringList("risks") ?? [], RiskCategories.All, ref ok);
        var perspectives = Canonical(s, "perspectives", s.GetStringList("perspectives") ?? [], Perspectives.All, ref ok);
        var quality = Canonical(s, "quality", s.GetStringList("quality") ?? [], QualityCategories.All, ref ok);
        var minSamples = s.GetInt("min_samples", 1, 1_000_000, required: true);
        if (s.Node.Count > 0 && risks.Count + perspectives.Count + quality.Count == 0 && ok)
        {
            s.Error(null, "lists nothing to cover; give risks, perspectives or quality");
            ok = false;
        }

        s.ReportUnknownKeys();
        return ok && id is not null && minSamples is { } n ? new CoverageRule(id, description, risks, perspectives, quality, n) : null;
    }

    private static GateRule? Rate(ConfigSection rule, string key, Func<double, string?, GateRule> create)
    {
        var max = rule.GetDouble(key, 0, 1, required: true);
        var suite = rule.GetString("suite");
        return max is { } m && rule.GetString("id") is not null ? create(m, suite) : null;
    }

    /// <summary>Each listed id as the taxonomy spells it; an unknown one is reported at its own line with a suggestion.</summary>
    private static List<string> Canonical(ConfigSection s, string key, IReadOnlyList<string> values, IReadOnlyList<TaxonomyEntry> taxonomy, ref bool ok)
    {
        var result = new List<string>();
        for (var i = 0; i < values.Count; i++)
        {
            if (TaxonomyLookup.Find(taxonomy, values[i]) is { } entry)
            {
                if (!result.Contains(entry.Id))
                {
                    result.Add(entry.Id);
                }

                continue;
            }

            var suggestion = Suggest.Closest(values[i].Trim(), taxonomy.Select(e => e.Id));
            var field = s.GetNode(key) is System.Text.Json.Nodes.JsonArray ? ConfigPath.Index(key, i) : key;
            s.Error(field, $"'{values[i]}' is not known" + (suggestion is null ? string.Empty : $" (did you mean '{suggestion}'?)") + $"; use one of: {string.Join(", ", taxonomy.Select(e => e.Id))}");
            ok = false;
        }

        return result;
    }

    private static IReadOnlyList<TaxonomyEntry> Taxonomy(OverviewKind kind) => kind switch
    {
        OverviewKind.Risk => RiskCategories.All,
        OverviewKind.Perspective => Perspectives.All,
        _ => QualityCategories.All,
    };

    private static T Enum<T>(ConfigSection s, string key, T fallback, string[] names, T[] values, ref bool ok)
    {
        if (s.GetString(key) is not { } text)
        {
            return fallback;
        }

        var index = Array.IndexOf(names, text);
        if (index >= 0)
        {
            return values[index];
        }

        s.Error(key, $"'{text}' is not known; use one of: {string.Join(", ", names)}");
        ok = false;
        return fallback;
    }

    private static string Number(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
