using EvalHarness.Scoring;

namespace EvalHarness.Metrics;

/// <summary>The sample scores a metric summarises, with the run's confidence level and seed.</summary>
/// <param name="Range">The scorer's value bounds, when it declares them; intervals are clipped to them.</param>
public sealed record MetricInput(IReadOnlyList<SampleScore> Scores, double Confidence, int Seed, ValueRange? Range = null)
{
    /// <summary>What the scorer's values mean (its kind tells a metric whether values are labels or a scale).</summary>
    public ScoreMeaning? Meaning { get; init; }

    /// <summary>
    /// Samples the scorer applied to but could not score, with their epochs' scores as recorded (no value):
    /// left out of every rate and mean, but a panel's agreement counts the judges that split.
    /// </summary>
    public IReadOnlyList<SampleScore> Unscored { get; init; } = [];

    /// <summary>
    /// Every scored sample of the suite for this scorer when <see cref="Scores"/> are one group's (a <c>group_by</c>
    /// breakdown); null means <see cref="Scores"/> are the whole suite. For metrics that compare a sample with
    /// another that may lie outside the group, such as a perturbed question with its unperturbed original.
    /// </summary>
    public IReadOnlyList<SampleScore>? SuiteScores { get; init; }

    /// <summary>
    /// False when only the value is wanted: a paired bootstrap of the metric itself (<c>evalh compare</c>) computes it
    /// thousands of times, and a metric whose interval is a bootstrap of its own would square that cost.
    /// </summary>
    public bool WithInterval { get; init; } = true;
}
