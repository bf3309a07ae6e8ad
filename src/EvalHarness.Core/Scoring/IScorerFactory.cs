using EvalHarness.Extensions;

namespace EvalHarness.Scoring;

/// <summary>
/// Creates a configured scorer. <see cref="IExtension.Name"/> is the name used in suite files
/// (<c>scorers: [{name: choice}]</c>). Option problems go to the context's <see cref="ScorerContext.Options"/> diagnostics.
/// </summary>
public interface IScorerFactory : IExtension
{
    /// <summary>Metrics computed for this scorer when the suite lists none.</summary>
    IReadOnlyList<string> DefaultMetrics { get; }

    /// <summary>What the values mean; a scorer whose meaning depends on its options says so through <see cref="IScorer.Meaning"/>.</summary>
    ScoreMeaning Meaning { get; }

    IScorer Create(ScorerContext context);
}
