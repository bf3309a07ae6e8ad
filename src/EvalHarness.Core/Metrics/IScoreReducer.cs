using EvalHarness.Extensions;

namespace EvalHarness.Metrics;

/// <summary>Combines one sample's per-epoch values into the single value metrics see.</summary>
public interface IScoreReducer : IExtension
{
    double Reduce(IReadOnlyList<double> epochValues);
}
