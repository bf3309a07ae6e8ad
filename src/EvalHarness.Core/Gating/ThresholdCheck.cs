using EvalHarness.Results;
using EvalHarness.Scoring;

namespace EvalHarness.Gating;

/// <summary>Threshold rules: each matching metric (per suite, or per group) or overview entry against the limits.</summary>
internal static class ThresholdCheck
{
    public static IEnumerable<RuleOutcome> Evaluate(ThresholdRule rule, GateContext context) =>
        rule.Overview is { } kind ? Overview(rule, kind, context.Results) : Metrics(rule, context);

    private static List<RuleOutcome> Metrics(ThresholdRule rule, GateContext context)
    {
        var outcomes = new List<RuleOutcome>();
        var suites = context.Results.Suites.Where(s => rule.Suites.Count == 0 || rule.Suites.Contains(s.Name)).ToList();
        foreach (var suite in suites)
        {
            var before = outcomes.Count;
            if (rule.Per is null)
            {
                outcomes.AddRange(suite.Metrics.Where(m => Matches(rule, m)).Select(metric => Check(rule, context, suite.Name, null, metric)));
            }
            else
            {
                foreach (var group in suite.Groups.Where(g => g.Key == rule.Per))
                {
                    outcomes.AddRange(group.Metrics.Where(m => Matches(rule, m)).Select(metric => Check(rule, context, suite.Name, group, metric)));
                }
            }

            if (outcomes.Count == before && rule.Suites.Count > 0)
            {
                outcomes.Add(Outcome(rule, $"{suite.Name}/{Any(rule.Scorers)}/{rule.Metric}", OutcomeStatus.Fail, null, NothingMatched(rule, [suite])) with { Suite = suite.Name });
            }
        }

        // A suite the rule names but the run lacks is a check that could not be made, not one that passed.
        foreach (var name in rule.Suites.Where(name => suites.TrueForAll(s => s.Name != name)))
        {
            outcomes.Add(Outcome(rule, $"{name}/{Any(rule.Scorers)}/{rule.Metric}", OutcomeStatus.Fail, null, $"suite {name} is not in this run") with { Suite = name });
        }

        if (outcomes.Count == 0)
        {
            outcomes.Add(Outcome(rule, Describe(rule), OutcomeStatus.Fail, null, NothingMatched(rule, suites)));
        }

        return outcomes;
    }

    private static bool Matches(ThresholdRule rule, MetricResult metric) =>
        metric.Metric == rule.Metric && (rule.Scorers.Count == 0 || rule.Scorers.Contains(metric.Scorer));

    private static RuleOutcome Check(ThresholdRule rule, GateContext context, string suite, GroupResults? group, MetricResult metric)
    {
        var groupText = group is null ? null : $"{group.Key} = {group.Value}";
        var scope = $"{suite}/{metric.Scorer}/{metric.Metric}" + (groupText is null ? string.Empty : $" [{groupText}]");
        var (status, observed, reason) = Compare(rule, metric.Value, metric.CiLow, metric.CiHigh, metric.N);
        var outcome = Outcome(rule, scope, status, observed, reason) with { Suite = suite, Scorer = metric.Scorer, Metric = metric.Metric, Group = groupText, N = metric.N };
        return status == OutcomeStatus.Fail ? FailedSamples.Attach(outcome, context, suite, metric.Scorer, group) : outcome;
    }

    private static List<RuleOutcome> Overview(ThresholdRule rule, OverviewKind kind, RunResults results)
    {
        var (entries, name) = kind switch
        {
            OverviewKind.Risk => (results.Overview.Risks, "risk"),
            OverviewKind.Perspective => (results.Overview.Perspectives, "perspective"),
            _ => (results.Overview.Quality, "quality"),
        };
        var chosen = rule.Ids.Count > 0
            ? rule.Ids.Select(id => entries.FirstOrDefault(e => e.Id == id) ?? new OverviewEntry(id, id, id, null, null, null, null, 0, [])).ToList()
            : entries.Where(e => e.Measured).ToList();
        var outcomes = new List<RuleOutcome>();
        foreach (var entry in chosen)
        {
            var scope = $"{name} {entry.Id} (pass rate)";
            if (!entry.Measured)
            {
                outcomes.Add(Outcome(rule, scope, OutcomeStatus.Fail, null, $"not measured: no scored sample of a pass/fail scorer is tagged {name} = {entry.Id}") with { Group = entry.Id, N = 0 });
                continue;
            }

            var (status, observed, reason) = Compare(rule, entry.Value, entry.CiLow, entry.CiHigh, entry.N);
            outcomes.Add(Outcome(rule, scope, status, observed, reason) with { Group = entry.Id, N = entry.N });
        }

        if (outcomes.Count == 0)
        {
            outcomes.Add(Outcome(rule, $"{name} overview", OutcomeStatus.Fail, null, $"no {name} of the overview is measured in this run"));
        }

        return outcomes;
    }

    /// <summary>The number the rule reads (value or interval end, possibly as an absolute value) against its limits.</summary>
    private static (string Status, double? Observed, string Reason) Compare(ThresholdRule rule, double? value, double? low, double? high, int n)
    {
        if (n < rule.MinSamples)
        {
            return (OutcomeStatus.Fail, null, $"too few samples: n = {GateText.Count(n)}, the rule needs at least {GateText.Count(rule.MinSamples)} (min_samples)");
        }

        if (value is null)
        {
            return (OutcomeStatus.Fail, null, $"no value: no scored sample (n = {GateText.Count(n)})");
        }

        if (rule.Bound != MetricBound.Value && (low is null || high is null))
        {
            return (OutcomeStatus.Fail, null, n < 2
                ? $"no interval: fewer than 2 samples (n = {GateText.Count(n)})"
                : "no interval: the metric gives none, so its bound cannot be checked; use bound: value");
        }

        var observed = rule.Bound switch
        {
            MetricBound.Lower => rule.Absolute ? AbsoluteLower(low!.Value, high!.Value) : low!.Value,
            MetricBound.Upper => rule.Absolute ? Math.Max(Math.Abs(low!.Value), Math.Abs(high!.Value)) : high!.Value,
            _ => rule.Absolute ? Math.Abs(value.Value) : value.Value,
        };
        var what = (rule.Bound switch
        {
            MetricBound.Lower => "lower bound",
            MetricBound.Upper => "upper bound",
            _ => "value",
        }) + (rule.Absolute ? " of |x|" : string.Empty);
        if (rule.Min is { } min && observed < min)
        {
            return (OutcomeStatus.Fail, observed, $"{what} {GateText.Number(observed)} < {GateText.Number(min)}");
        }

        if (rule.Max is { } max && observed > max)
        {
            return (OutcomeStatus.Fail, observed, $"{what} {GateText.Number(observed)} > {GateText.Number(max)}");
        }

        return (OutcomeStatus.Pass, observed, $"{what} {GateText.Number(observed)} {GateText.Limit(rule.Min, rule.Max)}");
    }

    // |x| over [low, high]: zero when the interval straddles zero, else the end nearer to it.
    private static double AbsoluteLower(double low, double high) => low <= 0 && high >= 0 ? 0 : Math.Min(Math.Abs(low), Math.Abs(high));

    private static string NothingMatched(ThresholdRule rule, List<SuiteResults> suites)
    {
        if (rule.Per is not null && suites.Exists(s => s.Metrics.Any(m => Matches(rule, m))))
        {
            return $"no matching suite groups by '{rule.Per}' (add it to the suite's group_by)";
        }

        return "no metric matches: " + Describe(rule);
    }

    private static string Describe(ThresholdRule rule) =>
        $"{Any(rule.Suites)}/{Any(rule.Scorers)}/{rule.Metric}" + (rule.Per is null ? string.Empty : $" [per {rule.Per}]");

    private static string Any(IReadOnlyList<string> names) => names.Count == 0 ? "*" : string.Join("|", names);

    private static RuleOutcome Outcome(ThresholdRule rule, string scope, string status, double? observed, string reason)
    {
        var bound = rule.Bound == MetricBound.Value ? string.Empty : rule.Bound == MetricBound.Lower ? "lower bound " : "upper bound ";
        var limit = bound + (rule.Absolute ? "|x| " : string.Empty) + GateText.Limit(rule.Min, rule.Max);
        return new RuleOutcome(rule.Id, rule.Kind, scope, status, observed, limit, reason);
    }
}
