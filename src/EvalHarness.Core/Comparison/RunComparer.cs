using EvalHarness.Logs;
using EvalHarness.Results;
using EvalHarness.Scoring;
using EvalHarness.Statistics;

namespace EvalHarness.Comparison;

/// <summary>
/// Pairs two runs sample by sample (suite, id) and tests every metric of every scorer, overall and per group, and the
/// overview's pass rates, then adjusts all p-values together (Holm, or Benjamini–Hochberg) and gives each row a
/// verdict by the metric's declared direction.
/// </summary>
public static class RunComparer
{
    public static RunPairComparison Compare(ResultsBuilder builder, RunLog a, RunLog b, CompareOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(options);
        var comparison = CompareOnce(builder, a, b, options);
        if (options.AutoResamples && CompareFormat.ResamplesNeeded(comparison) is { } needed)
        {
            // Twice the bare minimum, so a row whose resamples all fall on one side is significant with room to spare.
            var more = Math.Min(CompareOptions.MaxAutoResamples, Math.Max(options.Resamples, 2 * needed));
            if (more > options.Resamples)
            {
                comparison = CompareOnce(builder, a, b, options with { Resamples = more });
            }
        }

        return comparison;
    }

    private static RunPairComparison CompareOnce(ResultsBuilder builder, RunLog a, RunLog b, CompareOptions options)
    {
        var seed = options.Seed ?? a.Header.Seed;
        var suitesB = b.Header.Suites.ToDictionary(s => s.Name, StringComparer.Ordinal);
        var namesA = a.Header.Suites.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var pairings = new List<SuitePairing>();
        var rows = new List<CompareRow>();
        var common = new List<(SuiteHeader, List<SampleOutcome>, SuiteHeader, List<SampleOutcome>)>();
        foreach (var suiteA in a.Header.Suites)
        {
            if (!suitesB.TryGetValue(suiteA.Name, out var suiteB))
            {
                continue;
            }

            var samplesA = builder.Outcomes(suiteA, a);
            var samplesB = builder.Outcomes(suiteB, b);
            var (pairing, suiteRows) = SuiteComparer.Compare(suiteA, samplesA, suiteB, samplesB, builder.Catalog.Metrics, a.Header.Confidence, options, seed);
            pairings.Add(pairing);
            rows.AddRange(suiteRows);
            common.Add((suiteA, samplesA, suiteB, samplesB));
        }

        var sameSuites = common.Count == a.Header.Suites.Count && common.Count == b.Header.Suites.Count;
        rows.AddRange(OverviewRows.Rows(common, sameSuites, options, seed));

        return new RunPairComparison(
            a.Header.RunId,
            a.Header.Model,
            b.Header.RunId,
            b.Header.Model,
            options,
            seed,
            namesA.Where(n => !suitesB.ContainsKey(n)).ToList(),
            b.Header.Suites.Select(s => s.Name).Where(n => !namesA.Contains(n)).ToList(),
            pairings,
            Adjust(rows, options));
    }

    /// <summary>All rows with a p-value form one family: the correction covers every comparison the command made.</summary>
    private static List<CompareRow> Adjust(List<CompareRow> rows, CompareOptions options)
    {
        var tested = rows.Where(r => r.PValue is not null).ToList();
        var pValues = tested.Select(r => r.PValue!.Value).ToList();
        var adjusted = options.Correction == MultipleTesting.BenjaminiHochbergMethod
            ? MultipleTesting.BenjaminiHochberg(pValues, options.Alpha)
            : MultipleTesting.Holm(pValues, options.Alpha);
        var byRow = new Dictionary<CompareRow, double>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < tested.Count; i++)
        {
            byRow[tested[i]] = adjusted.Adjusted[i];
        }

        return rows.Select(r =>
        {
            double? p = byRow.TryGetValue(r, out var value) ? value : null;
            return r with { AdjustedPValue = p, Significant = p < options.Alpha, Verdict = Verdict(r, p, options.Alpha) };
        }).ToList();
    }

    /// <summary>
    /// Significant (adjusted p &lt; α) rows are a regression or an improvement by the metric's direction. Otherwise a row
    /// is "too few samples to tell" when it has fewer than <see cref="CompareOptions.MinimumSamples"/> pairs, has no
    /// p-value (the metric is undefined in one run), or could miss a change of
    /// <see cref="CompareOptions.MaximumDetectableDifference"/>: a McNemar row whose minimum detectable difference is
    /// above that or undefined with discordant pairs, or another rate's row whose detectable difference is above it.
    /// The absence of significance there says little.
    /// </summary>
    internal static string Verdict(CompareRow row, double? adjusted, double alpha)
    {
        if (adjusted is { } p && p < alpha && row.Difference is { } difference && difference != 0)
        {
            // Best at zero: a sign flip at the same distance from zero is a change, but neither better nor worse.
            if (row.Direction == ScoreDirection.BestAtZero && Math.Abs(row.MeanB ?? 0) == Math.Abs(row.MeanA ?? 0))
            {
                return CompareVerdict.NoChange;
            }

            return Worse(row) ? CompareVerdict.Regression : CompareVerdict.Improvement;
        }

        if (row.N < CompareOptions.MinimumSamples || row.PValue is null)
        {
            return CompareVerdict.TooFew;
        }

        // No discordant pair leaves the detectable difference undefined, but then the runs agreed on every sample.
        var undetectable = row.PassToFail is { } b && row.FailToPass is { } c
            ? (row.DetectableDifference is { } d ? d > CompareOptions.MaximumDetectableDifference : b + c > 0)
            : row.Proportion && row.DetectableDifference > CompareOptions.MaximumDetectableDifference;
        return undetectable ? CompareVerdict.TooFew : CompareVerdict.NoChange;
    }

    private static bool Worse(CompareRow row) => row.Direction switch
    {
        ScoreDirection.LowerIsBetter => row.Difference > 0,
        ScoreDirection.BestAtZero => Math.Abs(row.MeanB ?? 0) > Math.Abs(row.MeanA ?? 0),
        _ => row.Difference < 0,
    };
}
