namespace EvalHarness.Statistics;

/// <summary>Adjusted p-values and reject decisions at <paramref name="Alpha"/>, in the order the p-values were given.</summary>
public sealed record MultipleTestingResult(string Method, double Alpha, IReadOnlyList<double> Adjusted, IReadOnlyList<bool> Reject);
