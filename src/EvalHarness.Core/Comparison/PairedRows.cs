using EvalHarness.Extensions;
using EvalHarness.Metrics;
using EvalHarness.Scoring;
using EvalHarness.Statistics;
using MathNet.Numerics.Distributions;

namespace EvalHarness.Comparison;

/// <summary>
/// The rows of one scorer over one set of paired samples: its primary row (the plain mean of the per-sample values,
/// tested by McNemar or Wilcoxon) and one row per other metric the scorer lists (a paired bootstrap of the metric
/// itself). Every statistic of the set is evaluated on the same resamples, drawn once.
/// </summary>
internal static class PairedRows
{
    public const string McNemarExact = "McNemar exact";
    public const string McNemarMidP = "McNemar mid-p";
    public const string Wilcoxon = "Wilcoxon signed-rank";
    public const string Bootstrap = "paired bootstrap";

    /// <summary>Metrics whose value is the plain mean of the per-sample values (accuracy: the share of passes, or of the epoch-mean fractions).</summary>
    public static readonly IReadOnlySet<string> PlainMeans = new HashSet<string>(StringComparer.Ordinal) { "accuracy", "mean", "mean_bootstrap" };

    public static List<CompareRow> Rows(RowSet set, NamedCatalog<IMetric> metrics, CompareOptions options, int seed)
    {
        var scorer = set.Scorer;
        var meaning = scorer.Meaning;
        var primaryName = scorer.Metrics.FirstOrDefault(PlainMeans.Contains) ?? (meaning.Kind == ScoreKind.PassFail ? "accuracy" : "mean");
        var primaryMeaning = metrics.TryGet(primaryName, out var primaryMetric) ? primaryMetric.Meaning(meaning) : MetricMeaning.Of(meaning);
        var passFail = meaning.Kind == ScoreKind.PassFail;
        var test = passFail ? (options.MidP ? McNemarMidP : McNemarExact) : Wilcoxon;
        var pairs = set.Pairs;
        if (pairs.Count == 0)
        {
            return [new CompareRow(set.Suite, scorer.Id, set.Group, meaning.Kind, primaryMeaning.Direction, 0, set.Excluded, null, null, null, null, null, test, null)
            {
                Metric = primaryName,
                Proportion = primaryMeaning.Proportion,
            }];
        }

        var units = ResamplingUnits.Of(set.Links);
        var a = pairs.ConvertAll(p => p.A.Value);
        var b = pairs.ConvertAll(p => p.B.Value);
        var resamples = options.Resamples;
        var statistics = new List<ResampledStatistic> { new MeanDifferenceStatistic(units, a, b, resamples) };
        var derived = new List<(string Name, IMetric Metric, double? A, double? B, MetricMeaning Meaning)>();
        foreach (var name in scorer.Metrics.Where(n => !PlainMeans.Contains(n)).Distinct(StringComparer.Ordinal))
        {
            if (!metrics.TryGet(name, out var metric))
            {
                continue;
            }

            var inputA = Input(set, pairs.ConvertAll(p => p.A), set.PopulationA);
            var inputB = Input(set, pairs.ConvertAll(p => p.B), set.PopulationB);
            var valueA = metric.Compute(inputA).Value;
            var valueB = metric.Compute(inputB).Value;
            if (valueA is null && valueB is null)
            {
                continue;
            }

            derived.Add((name, metric, valueA, valueB, metric.Meaning(meaning)));
            statistics.Add(new MetricDifferenceStatistic(metric, units, inputA, inputB, resamples));
        }

        Resample(units, statistics, seed, resamples);
        var clustered = set.Epochs || units.Linked;
        var meanA = a.Average();
        var meanB = b.Average();
        var primaryBootstrap = statistics[0].Summarise(Confidence);
        var primary = new CompareRow(set.Suite, scorer.Id, set.Group, meaning.Kind, primaryMeaning.Direction, pairs.Count, set.Excluded, meanA, meanB, meanB - meanA, primaryBootstrap.Lower, primaryBootstrap.Upper, test, null)
        {
            Metric = primaryName,
            Proportion = primaryMeaning.Proportion,
            BootstrapClustered = clustered,
            Resamples = primaryBootstrap.Valid,
        };
        var rows = new List<CompareRow> { passFail ? McNemar(primary, pairs, options) : Graded(primary, a, b, options) };
        for (var i = 0; i < derived.Count; i++)
        {
            var (name, _, valueA, valueB, reads) = derived[i];
            var summary = statistics[i + 1].Summarise(Confidence);
            rows.Add(new CompareRow(set.Suite, scorer.Id, set.Group, meaning.Kind, reads.Direction, pairs.Count, set.Excluded, valueA, valueB, valueB - valueA, summary.Lower, summary.Upper, Bootstrap, summary.PValue)
            {
                Metric = name,
                Proportion = reads.Proportion,
                BootstrapClustered = clustered,
                Resamples = summary.Valid,
                DetectableDifference = Detectable(summary.StandardDeviation, options),
                DetectableMethod = summary.StandardDeviation is null ? null : DetectableFromBootstrap,
            });
        }

        return rows;
    }

    /// <summary>Confidence of the difference's interval: always 95%, as the table headings say.</summary>
    public const double Confidence = 0.95;

    public const string DetectableFromDifferences = "(z(1-a/2) + z(power)) * sd(B - A) / sqrt(n)";

    public const string DetectableFromBootstrap = "(z(1-a/2) + z(power)) * bootstrap sd of B - A";

    /// <summary>Draws every resample once and lets each statistic evaluate it.</summary>
    public static void Resample(ResamplingUnits units, List<ResampledStatistic> statistics, int seed, int resamples)
    {
        if (units.Count < 2)
        {
            return;
        }

        // A mean alone (no derived metric to evaluate on the drawn units) is resampled by counts when that pays.
        if (statistics is [MeanDifferenceStatistic mean] && mean.TryResampleByCounts(seed, resamples))
        {
            return;
        }

        var random = new ResampleRandom(seed);
        var draws = new int[units.Count];
        for (var r = 0; r < resamples; r++)
        {
            for (var i = 0; i < draws.Length; i++)
            {
                draws[i] = random.Next(draws.Length);
            }

            foreach (var statistic in statistics)
            {
                statistic.Add(draws);
            }
        }
    }

    /// <summary>
    /// The normal-approximation minimum detectable difference at two-sided α and 80% power, (z₁₋α/₂ + z₀.₈)·SE, for a
    /// standard error <paramref name="se"/>; null when the standard error is unknown or zero (the statistic never moved).
    /// </summary>
    public static double? Detectable(double? se, CompareOptions options) =>
        se is { } s && s > 0 ? (Normal.InvCDF(0, 1, 1 - (options.Alpha / 2)) + Normal.InvCDF(0, 1, CompareOptions.Power)) * s : null;

    private static MetricInput Input(RowSet set, List<SampleScore> scores, IReadOnlyList<SampleScore>? population) =>
        new(scores, set.Confidence, 0, set.Scorer.Range) { Meaning = set.Scorer.Meaning, SuiteScores = population, WithInterval = false };

    /// <summary>Wilcoxon on the per-sample differences; the detectable difference from their standard deviation.</summary>
    private static CompareRow Graded(CompareRow row, List<double> a, List<double> b, CompareOptions options)
    {
        var differences = new List<double>(a.Count);
        for (var i = 0; i < a.Count; i++)
        {
            differences.Add(b[i] - a[i]);
        }

        double? se = null;
        if (differences.Count >= 2)
        {
            var mean = differences.Average();
            var sd = Math.Sqrt(differences.Sum(d => (d - mean) * (d - mean)) / (differences.Count - 1));
            se = sd / Math.Sqrt(differences.Count);
        }

        var detectable = Detectable(se, options);
        return row with
        {
            PValue = WilcoxonSignedRankTest.Test(differences).PValue,
            DetectableDifference = detectable,
            DetectableMethod = detectable is null ? null : DetectableFromDifferences,
        };
    }

    /// <summary>
    /// A sample passes when its reduced value is at least one half: with one epoch (or the mode/min/max reducers) that is
    /// the pass itself, and with the mean of several epochs it is passing in most of them.
    /// </summary>
    private static CompareRow McNemar(CompareRow row, List<(SampleScore A, SampleScore B)> pairs, CompareOptions options)
    {
        var passToFail = pairs.Count(p => p.A.Value >= 0.5 && p.B.Value < 0.5);
        var failToPass = pairs.Count(p => p.A.Value < 0.5 && p.B.Value >= 0.5);
        var result = McNemarTest.Test(passToFail, failToPass);
        // With no discordant sample the detectable difference is undefined (printed as "—").
        var detectable = passToFail + failToPass == 0
            ? null
            : MinimumDetectableDifference.McNemar(pairs.Count, (double)(passToFail + failToPass) / pairs.Count, options.Alpha, CompareOptions.Power);
        return row with
        {
            PValue = options.MidP ? result.MidPValue : result.PValue,
            PassToFail = passToFail,
            FailToPass = failToPass,
            DetectableDifference = detectable?.Difference,
            DetectableMethod = detectable is null ? null : MinimumDetectableDifference.Formula,
        };
    }
}
