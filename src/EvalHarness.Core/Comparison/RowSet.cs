using EvalHarness.Logs;
using EvalHarness.Metrics;

namespace EvalHarness.Comparison;

/// <summary>
/// The paired samples behind one scorer's rows, overall (<paramref name="Group"/> null) or in one group, and what
/// their metrics need: each run's scored samples of the whole suite when the pairs are one group's (a metric may read
/// a sample outside the group), the confidence level, and whether a sample holds several epochs.
/// </summary>
internal sealed record RowSet(
    string Suite,
    ScorerHeader Scorer,
    string? Group,
    List<(SampleScore A, SampleScore B)> Pairs,
    int Excluded,
    IReadOnlyList<SampleScore>? PopulationA,
    IReadOnlyList<SampleScore>? PopulationB,
    double Confidence,
    bool Epochs)
{
    /// <summary>Each pair's link values (<see cref="ResamplingUnits.LinksOf"/>), in the order of <see cref="Pairs"/>; read once per suite.</summary>
    public required IReadOnlyList<string?[]> Links { get; init; }
}
