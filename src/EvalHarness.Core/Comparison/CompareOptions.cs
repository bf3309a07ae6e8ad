namespace EvalHarness.Comparison;

/// <summary>How <c>evalh compare</c> tests: significance level, multiple-testing correction, McNemar variant and bootstrap seed.</summary>
/// <param name="Correction"><see cref="Statistics.MultipleTesting.HolmMethod"/> or <see cref="Statistics.MultipleTesting.BenjaminiHochbergMethod"/>.</param>
/// <param name="Seed">The bootstrap seed; null takes run A's seed so a comparison is reproducible from the logs.</param>
public sealed record CompareOptions(double Alpha = 0.05, string Correction = Statistics.MultipleTesting.HolmMethod, bool MidP = false, int? Seed = null)
{
    /// <summary>Below this many paired samples no verdict other than "too few samples to tell" is given.</summary>
    public const int MinimumSamples = 10;

    /// <summary>A pass/fail row whose minimum detectable difference (80% power) exceeds this could miss a 10-point change.</summary>
    public const double MaximumDetectableDifference = 0.1;

    public const double Power = 0.8;

    public const int DefaultResamples = 2000;

    /// <summary>The most resamples <see cref="AutoResamples"/> raises a comparison to.</summary>
    public const int MaxAutoResamples = 20_000;

    /// <summary>Paired-bootstrap resamples per row; the smallest bootstrap p-value is 2/(resamples + 1).</summary>
    public int Resamples { get; init; } = DefaultResamples;

    /// <summary>
    /// When the family is so large that no bootstrap row could reach significance after the correction (Holm multiplies
    /// the floor 2/(R + 1) by the number of rows), compare again with twice the resamples that would make it reachable,
    /// up to <see cref="MaxAutoResamples"/>. On unless the user chose the resamples (<c>--resamples</c>).
    /// </summary>
    public bool AutoResamples { get; init; } = true;
}
