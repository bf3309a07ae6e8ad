using EvalHarness.Comparison;
using EvalHarness.Logs;

namespace EvalHarness.Results;

/// <summary>
/// The comparison a report shows (<c>evalh report A --compare B</c>): <see cref="RunComparer"/>'s rows with B as the
/// baseline (run A of <c>evalh compare B A</c>, so the figures are the same), each a significant regression, a
/// significant improvement, no significant change or too few samples to tell, plus the metrics only one run has
/// (added, removed). Regressions come first, the largest first.
/// </summary>
public static class ComparisonBuilder
{
    /// <summary>The suite column of overview rows when both runs ran the same suites.</summary>
    public const string AllSuites = OverviewRows.AllSuites;

    /// <summary>The suite column of overview rows recomputed over the suites both runs ran.</summary>
    public const string CommonSuites = OverviewRows.CommonSuites;

    /// <summary>
    /// Compares two runs from their logs. When they ran different suites, only the suites both ran are compared, and
    /// the overview rows are recomputed over those suites: pass rates across different sets of suites differ by
    /// construction, and counting that as regressions would be false.
    /// </summary>
    /// <param name="candidateResults">The candidate's results over all its suites, reused when the suite sets agree.</param>
    public static RunComparison Compare(ResultsBuilder builder, RunLog candidate, RunResults candidateResults, RunLog baseline, CompareOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(baseline);
        var paired = RunComparer.Compare(builder, baseline, candidate, options ?? new CompareOptions());
        var candidateSuites = candidate.Header.Suites.Select(s => s.Name).ToList();
        var baselineSuites = baseline.Header.Suites.Select(s => s.Name).ToList();
        var onlyInCandidate = candidateSuites.Except(baselineSuites, StringComparer.Ordinal).ToList();
        var onlyInBaseline = baselineSuites.Except(candidateSuites, StringComparer.Ordinal).ToList();
        var same = onlyInCandidate.Count == 0 && onlyInBaseline.Count == 0;
        var common = candidateSuites.Intersect(baselineSuites, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        var current = Index(same ? candidateResults : builder.Build(candidate, common), same ? AllSuites : CommonSuites);
        var previous = Index(builder.Build(baseline, common), same ? AllSuites : CommonSuites);

        var deltas = paired.Rows.Select(Delta).ToList();
        foreach (var (key, now) in current.Where(c => !previous.ContainsKey(c.Key)))
        {
            deltas.Add(new MetricDelta(key.Suite, key.Scorer, key.Metric, key.Group, null, now.Value, null, 0, now.N, MetricChange.Added) { Proportion = now.Proportion, Direction = now.Direction });
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
        return new RunComparison(baseline.Header.RunId, baseline.Header.Model, candidate.Header.RunId, candidate.Header.Model, ordered)
        {
            OnlyInCandidate = onlyInCandidate,
            OnlyInBaseline = onlyInBaseline,
            Alpha = paired.Options.Alpha,
            Correction = paired.Options.Correction,
            Seed = paired.Seed,
            Resamples = paired.Resamples,
            Tested = paired.Tested,
            Pairing = paired.Suites,
            ResamplesNeeded = CompareFormat.ResamplesNeeded(paired),
        };
    }

    private static MetricDelta Delta(CompareRow r) => new(r.Suite, r.Scorer, r.Metric, r.Group, r.MeanA, r.MeanB, r.Difference, r.N, r.N, Change(r.Verdict))
    {
        Proportion = r.Proportion,
        Direction = r.Direction,
        Lower = r.Lower,
        Upper = r.Upper,
        Test = r.Test,
        PValue = r.PValue,
        AdjustedPValue = r.AdjustedPValue,
        Significant = r.Significant,
        DetectableDifference = r.DetectableDifference,
        Row = r,
    };

    private static string Change(string verdict) => verdict switch
    {
        CompareVerdict.Regression => MetricChange.Regression,
        CompareVerdict.Improvement => MetricChange.Improvement,
        CompareVerdict.TooFew => MetricChange.TooFew,
        _ => MetricChange.NoChange,
    };

    private static int Rank(string change) => change switch
    {
        MetricChange.Regression => 0,
        MetricChange.Removed => 1,
        MetricChange.Added => 2,
        MetricChange.Improvement => 3,
        MetricChange.TooFew => 4,
        _ => 5,
    };

    /// <summary>Every measured metric of a run by (suite, scorer, metric, group), the overview as RunComparer names it: what only one run has is added or removed.</summary>
    private static Dictionary<(string Suite, string Scorer, string Metric, string? Group), Entry> Index(RunResults results, string overviewLabel)
    {
        var index = new Dictionary<(string, string, string, string?), Entry>();
        foreach (var suite in results.Suites)
        {
            foreach (var m in suite.Metrics.Where(m => m.Value is not null))
            {
                index[(suite.Name, m.Scorer, m.Metric, null)] = new(m.Value, m.N, m.Proportion, m.Direction);
            }

            foreach (var g in suite.Groups)
            {
                foreach (var m in g.Metrics.Where(m => m.Value is not null))
                {
                    index[(suite.Name, m.Scorer, m.Metric, $"{g.Key} = {g.Value}")] = new(m.Value, m.N, m.Proportion, m.Direction);
                }
            }
        }

        foreach (var (kind, entries) in new[] { ("risk", results.Overview.Risks), ("perspective", results.Overview.Perspectives), ("quality", results.Overview.Quality) })
        {
            foreach (var e in entries.Where(e => e.Measured))
            {
                index[(overviewLabel, OverviewRows.Scorer, OverviewRows.Metric, kind + ": " + e.Id)] = new(e.Value, e.N, true, Scoring.ScoreDirection.HigherIsBetter);
            }
        }

        return index;
    }

    private readonly record struct Entry(double? Value, int N, bool Proportion, Scoring.ScoreDirection Direction);
}
