using EvalHarness.Suites;
using EvalHarness.Validation;

namespace EvalHarness.Scoring;

/// <summary>Turns one model output into a <see cref="Score"/>.</summary>
public interface IScorer
{
    Task<Score> ScoreAsync(ScoreInput input, CancellationToken cancellationToken);

    /// <summary>Checked once per sample when a suite loads; a problem here is a validation error for that sample.</summary>
    SampleProblem? CheckSample(Sample sample) => null;

    /// <summary>The meaning of this configured scorer's values when its options decide it (a judge's rubric); null: the factory's.</summary>
    ScoreMeaning? Meaning => null;

    /// <summary>Metrics for this configured scorer when the suite lists none and its options decide them; null: the factory's.</summary>
    IReadOnlyList<string>? DefaultMetrics => null;

    /// <summary>The model roles this scorer calls (<c>judge</c>); without a model bound to one, its samples get judge errors.</summary>
    IReadOnlyList<string> Roles => [];

    /// <summary>Texts the scorer's verdicts depend on (a judge's rubrics), hashed into the run log so anyone can check which text judged.</summary>
    IReadOnlyList<ScorerResource> Resources => [];
}
