using EvalHarness.Suites;

namespace EvalHarness.Models;

/// <summary>
/// One call to a target. Suite, sample id, epoch and turn let recorded targets find their answer; the turn is
/// 1 except for the follow-up questions of a multi-turn conversation (<c>multi_turn</c> solver step).
/// </summary>
public sealed record GenerationRequest(
    string Suite,
    string SampleId,
    int Epoch,
    IReadOnlyList<PromptMessage> Messages,
    GenerationSettings Settings,
    int Turn = 1);
