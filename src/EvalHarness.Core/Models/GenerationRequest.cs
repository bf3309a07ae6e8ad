using EvalHarness.Suites;

namespace EvalHarness.Models;

/// <summary>
/// One call to a model. Suite, sample id, epoch and turn let recorded models find their answer; the turn is
/// 1 except for the follow-up questions of a multi-turn conversation (<c>multi_turn</c> solver step).
/// </summary>
public sealed record GenerationRequest(
    string Suite,
    string SampleId,
    int Epoch,
    IReadOnlyList<PromptMessage> Messages,
    GenerationSettings Settings,
    int Turn = 1)
{
    /// <summary>The scorer asking, when a scorer calls a model (a judge); null for the model under evaluation.</summary>
    public string? Scorer { get; init; }
}
