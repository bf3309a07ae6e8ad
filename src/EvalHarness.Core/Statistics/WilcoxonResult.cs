namespace EvalHarness.Statistics;

/// <summary>A Wilcoxon signed-rank test: W+ (the sum of the positive differences' ranks), the non-zero differences, how p was found.</summary>
public sealed record WilcoxonResult(double PValue, double WPlus, int N, bool Exact, bool Ties, double? Z);
