using EvalHarness.Judges.Calibration;
using EvalHarness.Logs;

namespace EvalHarness.Cli.Commands;

/// <summary>What the judge-check files say: the statistics, who judged, from which files, and the κ bar.</summary>
/// <param name="Judges">The judges as the check bound them (models, vote, settings).</param>
/// <param name="Files">The labelled files, as the user named them.</param>
/// <param name="Passed">Whether every rubric's κ cleared <paramref name="MinKappa"/>; null without one.</param>
internal sealed record JudgeCheckFacts(CalibrationReport Report, RoleHeader? Judges, IReadOnlyList<string> Files, double? MinKappa, bool? Passed)
{
    public required DateTimeOffset Created { get; init; }
}
