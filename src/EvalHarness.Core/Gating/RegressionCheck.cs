using EvalHarness.Comparison;
using EvalHarness.Scoring;

namespace EvalHarness.Gating;

/// <summary>
/// Non-regression rules over the comparison of the baseline (A) with this run (B): each matching row, overall or per
/// group, fails on a significant regression (adjusted p &lt; α across every row the comparison tests) and/or on a
/// change in the bad direction beyond max_difference, and when it has too few paired samples to say.
/// </summary>
internal static class RegressionCheck
{
    public static IEnumerable<RuleOutcome> Evaluate(NonRegressionRule rule, GateContext context)
    {
        var limit = Limit(rule, context.Policy);
        if (context.Baseline is null)
        {
            return
            [
                rule.BaselineRequired
                    ? new RuleOutcome(rule.Id, rule.Kind, "baseline", OutcomeStatus.Fail, null, limit, "needs a baseline run (--baseline); set baseline: optional to skip the rule without one")
                    : new RuleOutcome(rule.Id, rule.Kind, "baseline", OutcomeStatus.Skipped, null, limit, "no baseline run given (baseline: optional)"),
            ];
        }

        var comparison = context.Comparison;
        var prefix = rule.Per is null ? null : rule.Per + " = ";
        var rows = comparison.Rows
            .Where(r => rule.Suites.Count == 0 || rule.Suites.Contains(r.Suite))
            .Where(r => rule.Scorers.Count == 0 || rule.Scorers.Contains(r.Scorer))
            .Where(r => rule.Metrics.Count == 0 || rule.Metrics.Contains(r.Metric))
            .Where(r => prefix is null ? r.Group is null : r.Group?.StartsWith(prefix, StringComparison.Ordinal) == true)
            .ToList();
        var outcomes = rows.Select(row => Check(rule, row, limit, context.Policy.Alpha)).ToList();
        foreach (var name in rule.Suites.Where(name => comparison.Suites.All(s => s.Suite != name)))
        {
            outcomes.Add(new RuleOutcome(rule.Id, rule.Kind, name, OutcomeStatus.Fail, null, limit, $"suite {name} is not in both runs, so it was not compared") { Suite = name });
        }

        if (rule.Suites.Count == 0)
        {
            // Unfiltered, the rule covers every suite: one the candidate dropped cannot be shown not to regress,
            // and one it added has nothing to be compared with; neither goes unmentioned.
            outcomes.AddRange(comparison.SuitesOnlyInA.Select(name => new RuleOutcome(rule.Id, rule.Kind, name, OutcomeStatus.Fail, null, limit, $"suite {name} is in the baseline but not in this run") { Suite = name }));
            outcomes.AddRange(comparison.SuitesOnlyInB.Select(name => new RuleOutcome(rule.Id, rule.Kind, name, OutcomeStatus.Skipped, null, limit, $"suite {name} is only in this run: nothing to compare it with") { Suite = name }));
        }

        if (outcomes.Count == 0)
        {
            outcomes.Add(new RuleOutcome(rule.Id, rule.Kind, Describe(rule), OutcomeStatus.Fail, null, limit, NothingMatched(rule, comparison)));
        }

        return outcomes;
    }

    private static RuleOutcome Check(NonRegressionRule rule, CompareRow row, string limit, double alpha)
    {
        var scope = $"{row.Suite}/{row.Scorer}/{row.Metric}" + (row.Group is null ? string.Empty : $" [{row.Group}]");
        var outcome = new RuleOutcome(rule.Id, rule.Kind, scope, OutcomeStatus.Pass, row.Difference, limit, string.Empty)
        {
            Suite = row.Suite,
            Scorer = row.Scorer,
            Metric = row.Metric,
            Group = row.Group,
            N = row.N,
        };
        var needed = Math.Max(1, rule.MinSamples);
        if (row.N < needed || row.Difference is null)
        {
            return outcome with
            {
                Status = OutcomeStatus.Fail,
                Reason = $"too few paired samples: n = {GateText.Count(row.N)}, the rule needs at least {GateText.Count(needed)} (min_samples) to tell a regression",
            };
        }

        var change = $"{Side(row.MeanA)} → {Side(row.MeanB)} (Δ {Signed(row.Difference.Value)}" + (row.AdjustedPValue is { } p ? $", adjusted p = {GateText.Number(p)})" : ")");
        if (rule.Significant && row.Verdict == CompareVerdict.Regression)
        {
            return outcome with { Status = OutcomeStatus.Fail, Reason = $"significant regression at α = {GateText.Number(alpha)}: {change}" };
        }

        var worse = Worse(row);
        if (rule.MaxDifference is { } max && worse > max)
        {
            return outcome with { Status = OutcomeStatus.Fail, Reason = $"worse by {GateText.Number(worse)}, more than max_difference {GateText.Number(max)}: {change}" };
        }

        return outcome with { Reason = $"{row.Verdict}: {change}" };
    }

    /// <summary>How much worse B is than A by the scorer's direction; negative when it is better.</summary>
    private static double Worse(CompareRow row) => row.Direction switch
    {
        ScoreDirection.LowerIsBetter => row.Difference!.Value,
        ScoreDirection.BestAtZero => Math.Abs(row.MeanB ?? 0) - Math.Abs(row.MeanA ?? 0),
        _ => -row.Difference!.Value,
    };

    private static string Limit(NonRegressionRule rule, GatePolicy policy)
    {
        var parts = new List<string>();
        if (rule.Significant)
        {
            parts.Add($"no significant regression at α = {GateText.Number(policy.Alpha)} ({GateText.Correction(policy.Correction)})");
        }

        if (rule.MaxDifference is { } max)
        {
            parts.Add($"worse by at most {GateText.Number(max)}");
        }

        return string.Join("; ", parts);
    }

    private static string NothingMatched(NonRegressionRule rule, RunPairComparison comparison)
    {
        return comparison.Rows.Count == 0
            ? "the runs have no suite in common, so nothing was compared"
            : "no compared scorer matches: " + Describe(rule);
    }

    private static string Describe(NonRegressionRule rule) =>
        $"{(rule.Suites.Count == 0 ? "*" : string.Join("|", rule.Suites))}/{(rule.Scorers.Count == 0 ? "*" : string.Join("|", rule.Scorers))}/{(rule.Metrics.Count == 0 ? "*" : string.Join("|", rule.Metrics))}" + (rule.Per is null ? string.Empty : $" [per {rule.Per}]");

    private static string Side(double? mean) => mean is { } m ? GateText.Number(m) : "–";

    private static string Signed(double value) => (value > 0 ? "+" : string.Empty) + GateText.Number(value);
}
