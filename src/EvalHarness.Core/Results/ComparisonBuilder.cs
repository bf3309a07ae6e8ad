using EvalHarness.Logs;
using EvalHarness.Scoring;

namespace EvalHarness.Results;

/// <summary>
/// Lines up every metric of two runs (per suite, per group, and the cross-suite overview) and orders
/// the differences so that the largest regression comes first. What counts as a regression follows
/// each metric's declared direction (higher, lower, or best at zero). Significance testing is a later layer.
/// </summary>
public static class ComparisonBuilder
{
    /// <summary>The suite column of overview rows when both runs ran the same suites.</summary>
    public const string AllSuites = "(all suites)";

    /// <summary>The suite column of overview rows recomputed over the suites both runs ran.</summary>
    public const string CommonSuites = "(suites both runs ran)";

    // Differences below this are rounding, not change.
    private const double Tolerance = 1e-12;

    /// <summary>
    /// Compares two runs from their logs. When they ran different suites, only the suites both ran are
    /// compared, and the overview rows are recomputed over those suites: pass rates across different
    /// sets of suites differ by construction, and counting that as regressions would be false.
    /// </summary>
    /// <param name="candidateResults">The candidate's results over all its suites, reused when the suite sets agree.</param>
    public static RunComparison Compare(ResultsBuilder builder, RunLog candidate, RunResults candidateResults, RunLog baseline)
    {
        var candidateSuites = candidate.Header.Suites.Select(s => s.Name).ToList();
        var baselineSuites = baseline.Header.Suites.Select(s => s.Name).ToList();
        var onlyInCandidate = candidateSuites.Except(baselineSuites, StringComparer.Ordinal).ToList();
        var onlyInBaseline = baselineSuites.Except(candidateSuites, StringComparer.Ordinal).ToList();
        if (onlyInCandidate.Count == 0 && onlyInBaseline.Count == 0)
        {
            return Compare(candidateResults, builder.Build(baseline));
        }

        var common = candidateSuites.Intersect(baselineSuites, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        return Compare(builder.Build(candidate, common), builder.Build(baseline, common), CommonSuites) with
        {
            OnlyInCandidate = onlyInCandidate,
            OnlyInBaseline = onlyInBaseline,
        };
    }

    public static RunComparison Compare(RunResults candidate, RunResults baseline) => Compare(candidate, baseline, AllSuites);

    private static RunComparison Compare(RunResults candidate, RunResults baseline, string overviewLabel)
    {
        var current = Index(candidate, overviewLabel);
        var previous = Index(baseline, overviewLabel);
        var deltas = new List<MetricDelta>();
        foreach (var (key, now) in current)
        {
            if (previous.TryGetValue(key, out var before))
            {
                if (now.Value is null && before.Value is null)
                {
                    continue;
                }

                var delta = now.Value - before.Value;
                var change = Judge(now.Value, before.Value, now.Direction);
                deltas.Add(new MetricDelta(key.Suite, key.Scorer, key.Metric, key.Group, before.Value, now.Value, delta, before.N, now.N, change) { Proportion = now.Proportion, Direction = now.Direction });
            }
            else
            {
                deltas.Add(new MetricDelta(key.Suite, key.Scorer, key.Metric, key.Group, null, now.Value, null, 0, now.N, MetricChange.Added) { Proportion = now.Proportion, Direction = now.Direction });
            }
        }

        foreach (var (key, before) in previous.Where(p => !current.ContainsKey(p.Key)))
        {
            deltas.Add(new MetricDelta(key.Suite, key.Scorer, key.Metric, key.Group, before.Value, null, null, before.N, 0, MetricChange.Removed) { Proportion = before.Proportion, Direction = before.Direction });
        }

        var ordered = deltas
            .OrderBy(d => Rank(d.Change))
            .ThenByDescending(d => Math.Abs(d.Delta ?? 0))
            .ThenBy(d => d.Suite, StringComparer.Ordinal)
            .ThenBy(d => d.Group ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(d => d.Scorer, StringComparer.Ordinal)
            .ThenBy(d => d.Metric, StringComparer.Ordinal)
            .ToList();
        return new RunComparison(baseline.RunId, baseline.Model, candidate.RunId, candidate.Model, ordered);
    }

    /// <summary>Which way the change went, by the metric's declared direction: the scorer or metric says what better means.</summary>
    private static string Judge(double? candidate, double? baseline, ScoreDirection direction)
    {
        if (candidate is not { } now || baseline is not { } before || Math.Abs(now - before) <= Tolerance)
        {
            return MetricChange.Unchanged;
        }

        var better = direction switch
        {
            ScoreDirection.LowerIsBetter => now < before,
            ScoreDirection.BestAtZero => Math.Abs(now) < Math.Abs(before),
            _ => now > before,
        };

        // Best at zero: a sign flip at the same distance from zero is a change, but neither better nor worse.
        if (direction == ScoreDirection.BestAtZero && Math.Abs(Math.Abs(now) - Math.Abs(before)) <= Tolerance)
        {
            return MetricChange.Unchanged;
        }

        return better ? MetricChange.Improvement : MetricChange.Regression;
    }

    private static int Rank(string change) => change switch
    {
        MetricChange.Regression => 0,
        MetricChange.Removed => 1,
        MetricChange.Added => 2,
        MetricChange.Improvement => 3,
        _ => 4,
    };

    private static Dictionary<(string Suite, string Scorer, string Metric, string? Group), Entry> Index(RunResults results, string overviewLabel)
    {
        var index = new Dictionary<(string, string, string, string?), Entry>();
        foreach (var suite in results.Suites)
        {
            foreach (var m in suite.Metrics)
            {
                index[(suite.Name, m.Scorer, m.Metric, null)] = new(m.Value, m.N, m.Proportion, m.Direction);
            }

            foreach (var g in suite.Groups)
            {
                foreach (var m in g.Metrics)
                {
                    index[(suite.Name, m.Scorer, m.Metric, $"{g.Key} = {g.Value}")] = new(m.Value, m.N, m.Proportion, m.Direction);
                }
            }
        }

        // Entries a run did not measure are not rows: one measured only by the other run reads as added or removed.
        foreach (var (kind, entries) in new[] { ("risk", results.Overview.Risks), ("perspective", results.Overview.Perspectives), ("quality", results.Overview.Quality) })
        {
            foreach (var e in entries.Where(e => e.Measured))
            {
                index[(overviewLabel, "overview", "pass rate", kind + ": " + e.Id)] = new(e.Value, e.N, true, ScoreDirection.HigherIsBetter);
            }
        }

        return index;
    }

    private readonly record struct Entry(double? Value, int N, bool Proportion, ScoreDirection Direction);
}
