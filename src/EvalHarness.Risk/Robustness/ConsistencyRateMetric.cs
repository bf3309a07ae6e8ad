using EvalHarness.Extensions;
using EvalHarness.Metrics;
using EvalHarness.Scoring;

namespace EvalHarness.Risk.Robustness;

/// <summary>
/// Consistency under perturbation: among the perturbed items (perturbation other than <c>none</c>) whose group
/// has a scored unperturbed item, the share whose answer equals that item's answer. A sample's answer is its
/// scores' normalised answer, the most frequent over epochs (the earliest on a tie). The original is looked up
/// in the whole suite, so a breakdown by <c>perturbation</c> gives each kind's rate. Wrong-but-stable answers
/// count as unchanged: this measures stability, and the scorer's accuracy measures correctness. Perturbed items
/// without an original are left out. Wilson interval; higher is better.
/// </summary>
internal sealed class ConsistencyRateMetric : IMetric
{
    public const string Name = "consistency_rate";

    public static ConsistencyRateMetric Default { get; } = new();

    string IExtension.Name => Name;

    public string Description => "share of perturbed items (perturbation != none) whose normalised answer equals that of their group's unperturbed item; Wilson interval; higher is better";

    public MetricMeaning Meaning(ScoreMeaning scorer) => new(true, ScoreDirection.HigherIsBetter);

    public MetricValue Compute(MetricInput input)
    {
        var originals = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var s in input.SuiteScores ?? input.Scores)
        {
            if (Kind(s) == PerturbationKeys.None && Group(s) is { } group && Answer(s) is { } answer)
            {
                originals.TryAdd(group, answer);
            }
        }

        var n = 0;
        var unchanged = 0;
        foreach (var s in input.Scores)
        {
            if (Kind(s) is { } kind && kind != PerturbationKeys.None && Group(s) is { } group && originals.TryGetValue(group, out var original))
            {
                n++;
                unchanged += Answer(s) == original ? 1 : 0;
            }
        }

        return n == 0 ? MetricValue.Empty : new MetricValue((double)unchanged / n, Intervals.Wilson(unchanged, n, input.Confidence), n);
    }

    private static string? Kind(SampleScore s) => s.Metadata.GetValueOrDefault(PerturbationKeys.Perturbation);

    private static string? Group(SampleScore s) => s.Metadata.GetValueOrDefault(PerturbationKeys.Group);

    /// <summary>The most frequent answer over the epochs; the earliest on a tie. No answer (a failed epoch) is an empty answer.</summary>
    private static string? Answer(SampleScore s) =>
        s.EpochScores.Count == 0 ? null
        : s.EpochScores.Select((e, i) => (Answer: e.Answer ?? string.Empty, i))
            .GroupBy(x => x.Answer, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Min(x => x.i))
            .First().Key;
}
