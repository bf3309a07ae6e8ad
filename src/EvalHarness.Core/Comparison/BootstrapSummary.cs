namespace EvalHarness.Comparison;

/// <summary>
/// A paired bootstrap of B − A: the percentile interval (numpy's linear interpolation), the standard deviation of the
/// resampled differences (the bootstrap standard error), and the two-sided p-value
/// p = min(1, 2·min(1 + #{Δ* ≤ 0}, 1 + #{Δ* ≥ 0}) / (R + 1)) over the R resamples where the statistic is defined in
/// both runs: the percentile-interval p-value (the smallest α whose interval reaches 0), with the +1 of Davison and
/// Hinkley (1997) so it is never 0. Its smallest value is 2/(R + 1).
/// </summary>
/// <param name="Valid">Resamples where the statistic was defined in both runs, of <paramref name="Resamples"/> drawn.</param>
internal sealed record BootstrapSummary(double? Lower, double? Upper, double? StandardDeviation, double? PValue, int Valid, int Resamples)
{
    public static BootstrapSummary Of(Span<double> differences, double confidence, int resamples)
    {
        var r = differences.Length;
        if (r < 2)
        {
            return new BootstrapSummary(null, null, null, null, r, resamples);
        }

        var below = 0;
        var above = 0;
        var sum = 0.0;
        foreach (var d in differences)
        {
            below += d <= 0 ? 1 : 0;
            above += d >= 0 ? 1 : 0;
            sum += d;
        }

        var mean = sum / r;
        var squares = 0.0;
        foreach (var d in differences)
        {
            squares += (d - mean) * (d - mean);
        }

        differences.Sort();
        var alpha = 1 - confidence;
        return new BootstrapSummary(
            Percentile(differences, alpha / 2),
            Percentile(differences, 1 - (alpha / 2)),
            Math.Sqrt(squares / (r - 1)),
            TwoSidedPValue(below, above, r),
            r,
            resamples);
    }

    /// <summary>The two-sided p-value from the counts of resampled differences at or below and at or above zero among <paramref name="r"/>.</summary>
    public static double TwoSidedPValue(int below, int above, int r) => Math.Min(1, 2.0 * (1 + Math.Min(below, above)) / (r + 1));

    private static double Percentile(Span<double> sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + ((sorted[upper] - sorted[lower]) * (position - lower));
    }
}
