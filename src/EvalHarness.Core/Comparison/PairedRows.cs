using EvalHarness.Metrics;
using EvalHarness.Scoring;
using EvalHarness.Statistics;

namespace EvalHarness.Comparison;

/// <summary>The statistics of one row from its paired per-sample reduced scores.</summary>
internal static class PairedRows
{
    public const string McNemarExact = "McNemar exact";
    public const string McNemarMidP = "McNemar mid-p";
    public const string Wilcoxon = "Wilcoxon signed-rank";

    public static CompareRow Row(string suite, string scorer, string? group, ScoreMeaning meaning, List<(SampleScore A, SampleScore B)> pairs, int excluded, CompareOptions options, int seed, bool byEpoch)
    {
        var passFail = meaning.Kind == ScoreKind.PassFail;
        var test = passFail ? (options.MidP ? McNemarMidP : McNemarExact) : Wilcoxon;
        if (pairs.Count == 0)
        {
            return new CompareRow(suite, scorer, group, meaning.Kind, meaning.Direction, 0, excluded, null, null, null, null, null, test, null);
        }

        var meanA = pairs.Average(p => p.A.Value);
        var meanB = pairs.Average(p => p.B.Value);
        var bootstrap = Bootstrap(pairs, seed, byEpoch);
        var row = new CompareRow(suite, scorer, group, meaning.Kind, meaning.Direction, pairs.Count, excluded, meanA, meanB, meanB - meanA, bootstrap.Lower, bootstrap.Upper, test, null)
        {
            BootstrapClustered = bootstrap.Clustered,
        };
        return passFail ? McNemar(row, pairs, options) : row with { PValue = WilcoxonSignedRankTest.Test(pairs.Select(p => p.B.Value - p.A.Value).ToList()).PValue };
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
        };
    }

    /// <summary>B − A; with matching epochs every epoch is a row and the sample is the cluster that is resampled whole.</summary>
    private static PairedBootstrapResult Bootstrap(List<(SampleScore A, SampleScore B)> pairs, int seed, bool byEpoch)
    {
        if (byEpoch && pairs.TrueForAll(p => p.A.EpochScores.Count == p.B.EpochScores.Count && p.A.EpochScores.Count > 0))
        {
            var a = new List<double>();
            var b = new List<double>();
            var clusters = new List<string>();
            foreach (var (sa, sb) in pairs)
            {
                for (var e = 0; e < sa.EpochScores.Count; e++)
                {
                    a.Add(sa.EpochScores[e].Value ?? 0);
                    b.Add(sb.EpochScores[e].Value ?? 0);
                    clusters.Add(sa.SampleId);
                }
            }

            return PairedBootstrap.MeanDifference(b, a, seed, clusters: clusters);
        }

        return PairedBootstrap.MeanDifference(pairs.Select(p => p.B.Value).ToList(), pairs.Select(p => p.A.Value).ToList(), seed);
    }
}
