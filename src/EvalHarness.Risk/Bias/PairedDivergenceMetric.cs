using System.Globalization;
using EvalHarness.Metrics;
using EvalHarness.Scoring;
using EvalHarness.Statistics;

namespace EvalHarness.Risk.Bias;

/// <summary>
/// How much a scorer's verdict moves when one attribute of the prompt is swapped (a name, gender, region, age):
/// the mean over counterfactual pairs of |score(a) − score(b)|, for any scorer. Pass/fail scores get the exact
/// McNemar test on the discordant pairs; graded ones (a length, a judge's scale, epoch means) the Wilcoxon
/// signed-rank test. The p-value and the counts are in the metric's statistic; the interval is a seeded
/// percentile bootstrap over pairs. Zero is no divergence; lower is better.
/// </summary>
internal sealed class PairedDivergenceMetric : IMetric
{
    public static PairedDivergenceMetric Default { get; } = new();

    public string Name => "paired_divergence";

    public string Description => "counterfactual pairs (metadata pair_id, variant a/b): mean |score(a) − score(b)|; exact McNemar (pass/fail) or Wilcoxon signed-rank (graded) p-value in the statistic; bootstrap interval over pairs";

    public MetricValue Compute(MetricInput input)
    {
        var (pairs, incomplete) = CounterfactualPair.From(input.Scores);
        if (pairs.Count == 0)
        {
            return MetricValue.Empty;
        }

        var differences = pairs.Select(p => Math.Abs(p.Difference)).ToArray();
        var value = differences.Average();
        var interval = !input.WithInterval ? null : ItemBootstrap.Percentile<(double Sum, int Count)>(
            differences.Select(d => (Sum: d, Count: 1)).ToList(),
            static (x, y) => (x.Sum + y.Sum, x.Count + y.Count),
            (0.0, 0),
            static t => t.Count == 0 ? null : t.Sum / t.Count,
            input.Seed,
            input.Confidence);
        var (_, test) = Test(pairs, input.Meaning);
        var skipped = incomplete == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"; {incomplete} pair ids without one scored a and one scored b left out");
        return new MetricValue(value, interval, pairs.Count) { Statistic = string.Create(CultureInfo.InvariantCulture, $"{pairs.Count} pairs; {test}{skipped}") };
    }

    public MetricMeaning Meaning(ScoreMeaning scorer) => new(scorer.Kind == ScoreKind.PassFail, ScoreDirection.LowerIsBetter);

    /// <summary>
    /// The paired test for these pairs and its description: McNemar when the scorer is pass/fail (or declares nothing)
    /// and every value is 0 or 1, Wilcoxon otherwise (graded scores, or pass/fail averaged over epochs).
    /// </summary>
    public static (double PValue, string Text) Test(List<CounterfactualPair> pairs, ScoreMeaning? meaning)
    {
        var binary = meaning?.Kind is ScoreKind.PassFail or null && pairs.TrueForAll(p => IsBinary(p.A) && IsBinary(p.B));
        return binary ? McNemar(pairs) : Wilcoxon(pairs);
    }

    private static bool IsBinary(double value) => value is 0 or 1;

    private static (double, string) McNemar(List<CounterfactualPair> pairs)
    {
        var b = pairs.Count(p => p.A == 1 && p.B == 0);
        var c = pairs.Count(p => p.A == 0 && p.B == 1);
        var p = McNemarTest.PValue(b, c);
        return (p, string.Create(CultureInfo.InvariantCulture, $"exact McNemar p = {Format(p)} (a passed and b failed: {b}; b passed and a failed: {c})"));
    }

    private static (double, string) Wilcoxon(List<CounterfactualPair> pairs)
    {
        var result = WilcoxonSignedRankTest.Test(pairs.Select(p => p.Difference).ToList());
        var how = result.Exact
            ? "exact"
            : string.Create(CultureInfo.InvariantCulture, $"normal approximation{(result.Ties ? " with ties correction" : string.Empty)}, z = {result.Z?.ToString("0.###", CultureInfo.InvariantCulture) ?? "n/a"}");
        return (result.PValue, string.Create(CultureInfo.InvariantCulture, $"Wilcoxon signed-rank p = {Format(result.PValue)} ({how}; {result.N} non-zero differences, W+ = {result.WPlus:0.#})"));
    }

    private static string Format(double p) => p.ToString(p < 0.001 ? "0.###e0" : "0.####", CultureInfo.InvariantCulture);
}
