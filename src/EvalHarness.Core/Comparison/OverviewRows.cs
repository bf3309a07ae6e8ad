using EvalHarness.Logs;
using EvalHarness.Results;
using EvalHarness.Scoring;
using EvalHarness.Suites;
using EvalHarness.Taxonomy;

namespace EvalHarness.Comparison;

/// <summary>
/// The overview's pass rates (per risk, perspective and quality category) of both runs, compared over the samples
/// both runs scored in the suites both ran. A sample's value is what the overview gives it: the mean of its reduced
/// values for the scorers that declare pass/fail with higher better. The rate is a plain mean, so its paired bootstrap
/// resamples precomputed per-sample differences; the p-value is the bootstrap's.
/// </summary>
internal static class OverviewRows
{
    /// <summary>The suite column of overview rows when both runs ran the same suites.</summary>
    public const string AllSuites = "(all suites)";

    /// <summary>The suite column of overview rows when they are recomputed over the suites both runs ran.</summary>
    public const string CommonSuites = "(suites both runs ran)";

    public const string Scorer = "overview";

    public const string Metric = "pass rate";

    public static List<CompareRow> Rows(
        IReadOnlyList<(SuiteHeader A, List<SampleOutcome> SamplesA, SuiteHeader B, List<SampleOutcome> SamplesB)> suites, bool sameSuites, CompareOptions options, int seed)
    {
        var samples = new List<(double A, double B, IReadOnlyDictionary<string, string> Metadata, string?[] Links)>();
        foreach (var (suiteA, samplesA, suiteB, samplesB) in suites)
        {
            var byIdB = samplesB.ToDictionary(s => s.Id, StringComparer.Ordinal);
            var passFailA = PassFail(suiteA);
            var passFailB = PassFail(suiteB);
            foreach (var sample in samplesA)
            {
                if (byIdB.TryGetValue(sample.Id, out var other) && Value(sample, passFailA) is { } a && Value(other, passFailB) is { } b)
                {
                    samples.Add((a, b, sample.Metadata, ResamplingUnits.LinksOf(sample.Metadata, suiteA.Name)));
                }
            }
        }

        var label = sameSuites ? AllSuites : CommonSuites;
        var rows = new List<CompareRow>();
        foreach (var (kind, key, taxonomy) in new[] { ("risk", MetadataKeys.Risk, RiskCategories.All), ("perspective", MetadataKeys.Perspective, Perspectives.All), ("quality", QualityCategories.MetadataKey, QualityCategories.All) })
        {
            // One pass over the samples per kind: each sample is tagged with at most one id of it.
            var byId = samples.Where(s => s.Metadata.ContainsKey(key)).GroupBy(s => s.Metadata[key], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            foreach (var entry in taxonomy)
            {
                if (byId.TryGetValue(entry.Id, out var tagged))
                {
                    rows.Add(Row(label, $"{kind}: {entry.Id}", tagged, options, seed));
                }
            }
        }

        return rows;
    }

    private static CompareRow Row(string label, string group, List<(double A, double B, IReadOnlyDictionary<string, string> Metadata, string?[] Links)> tagged, CompareOptions options, int seed)
    {
        var a = tagged.ConvertAll(s => s.A);
        var b = tagged.ConvertAll(s => s.B);
        var units = ResamplingUnits.Of(tagged.ConvertAll(s => s.Links));
        var statistic = new MeanDifferenceStatistic(units, a, b, options.Resamples);
        PairedRows.Resample(units, [statistic], seed, options.Resamples);
        var summary = statistic.Summarise(PairedRows.Confidence);
        var meanA = a.Average();
        var meanB = b.Average();
        return new CompareRow(label, Scorer, group, ScoreKind.PassFail, ScoreDirection.HigherIsBetter, tagged.Count, 0, meanA, meanB, meanB - meanA, summary.Lower, summary.Upper, PairedRows.Bootstrap, summary.PValue)
        {
            Metric = Metric,
            Proportion = true,
            Overview = true,
            BootstrapClustered = units.Linked,
            Resamples = summary.Valid,
            DetectableDifference = PairedRows.Detectable(summary.StandardDeviation, options),
            DetectableMethod = summary.StandardDeviation is null ? null : PairedRows.DetectableFromBootstrap,
        };
    }

    private static bool[] PassFail(SuiteHeader suite) =>
        suite.Scorers.Select(s => s.Meaning is { Kind: ScoreKind.PassFail, Direction: ScoreDirection.HigherIsBetter }).ToArray();

    /// <summary>As the overview: the mean of the sample's pass/fail scorers' reduced values, null when none scored it.</summary>
    private static double? Value(SampleOutcome sample, bool[] passFail)
    {
        var sum = 0.0;
        var count = 0;
        for (var i = 0; i < sample.Scores.Length && i < passFail.Length; i++)
        {
            if (passFail[i] && sample.Scores[i]?.Score?.Value is { } value)
            {
                sum += value;
                count++;
            }
        }

        return count > 0 ? sum / count : null;
    }
}
