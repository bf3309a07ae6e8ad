using EvalHarness.Suites;
using EvalHarness.Validation;

namespace EvalHarness.Scoring;

/// <summary>Turns one model output into a <see cref="Score"/>.</summary>
public interface IScorer
{
    Task<Score> ScoreAsync(ScoreInput input, CancellationToken cancellationToken);

    /// <summary>Checked once per sample when a suite loads; a problem here is a validation error for that sample.</summary>
    SampleProblem? CheckSample(Sample sample) => null;
}
