using EvalHarness.Metrics;
using EvalHarness.Scoring;

namespace EvalHarness.Results;

/// <summary>A sample's reduced score for one scorer; no score and not unscorable means the scorer did not apply.</summary>
internal sealed record ScorerOutcome(SampleScore? Score, bool Unscorable)
{
    public static ScorerOutcome NotApplicable { get; } = new(null, false);

    public static ScorerOutcome Unscored { get; } = new(null, true);

    /// <summary>Unscored because the judge failed or gave no verdict (not the answer's doing).</summary>
    public static ScorerOutcome JudgeFailed { get; } = new(null, true) { JudgeError = true };

    public bool JudgeError { get; init; }

    /// <summary>For an unscored sample, its epochs' scores as recorded: a split panel's judges still say how far they agreed.</summary>
    public IReadOnlyList<Score> UnscoredEpochs { get; init; } = [];
}
