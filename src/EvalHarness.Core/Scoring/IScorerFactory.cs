using EvalHarness.Configuration;
using EvalHarness.Metrics;

namespace EvalHarness.Scoring;

/// <summary>Creates a configured scorer. Option problems go to <see cref="ConfigSection.Diagnostics"/>.</summary>
public interface IScorerFactory
{
    /// <summary>The name used in suite files (<c>scorers: [{name: choice}]</c>).</summary>
    string Name { get; }

    string Description { get; }

    /// <summary>Metrics computed for this scorer when the suite lists none.</summary>
    IReadOnlyList<string> DefaultMetrics { get; }

    /// <summary>Bounds every value of this scorer lies within (intervals are clipped to them); null when unbounded.</summary>
    ValueRange? Range => null;

    IScorer Create(ConfigSection options);
}
