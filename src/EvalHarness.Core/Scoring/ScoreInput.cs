using EvalHarness.Suites;

namespace EvalHarness.Scoring;

/// <summary>Everything a scorer may look at. It is all in the run log, so any run can be re-scored later.</summary>
/// <param name="Sample">The sample as loaded (targets, choices, metadata).</param>
/// <param name="Epoch">1-based epoch.</param>
/// <param name="Output">The model's final answer text.</param>
/// <param name="Messages">The conversation that produced it, the answer last.</param>
public sealed record ScoreInput(Sample Sample, int Epoch, string Output, IReadOnlyList<PromptMessage> Messages)
{
    /// <summary>The suite the sample belongs to, so a scorer calling a model can say which sample it asks about.</summary>
    public string Suite { get; init; } = string.Empty;

    /// <summary>The id the suite gave this scorer (a suite may configure one scorer kind several times).</summary>
    public string ScorerId { get; init; } = string.Empty;
}
