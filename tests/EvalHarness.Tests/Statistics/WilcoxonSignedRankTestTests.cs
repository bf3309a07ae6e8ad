using EvalHarness.Statistics;

namespace EvalHarness.Tests.Statistics;

[TestFixture]
public sealed class WilcoxonSignedRankTestTests
{
    /// <summary>
    /// Exact cases by hand: with n non-zero differences and no ties, every one of the 2^n sign patterns is equally
    /// likely, and p = 2 · #{patterns with W+ ≤ w} / 2^n for the smaller tail.
    /// </summary>
    [TestCase(new[] { 1.0, 2, 3, 4, 5 }, 2.0 / 32, 15.0)]          // all positive: only the all-plus pattern has W+ = 15
    [TestCase(new[] { 1.0, -2, 3, 4, 5, 6 }, 6.0 / 64, 19.0)]      // W− = 2: subsets of 1..6 summing to ≤ 2 are {}, {1}, {2}
    [TestCase(new[] { 0.0, 1, -2, 3, 4, 5, 6 }, 6.0 / 64, 19.0)]   // a zero difference is dropped first
    [TestCase(new[] { 1.0, -1.5 }, 1.0, 1.0)]                      // n = 2: P(W+ ≤ 1) = 2/4, doubled and capped at 1
    public void Graded_pairs_get_the_exact_wilcoxon_p_value_for_small_untied_samples(double[] differences, double p, double wPlus)
    {
        var result = WilcoxonSignedRankTest.Test(differences);

        Assert.That(result.Exact, Is.True);
        Assert.That(result.PValue, Is.EqualTo(p).Within(1e-15));
        Assert.That(result.WPlus, Is.EqualTo(wPlus));
    }

    /// <summary>
    /// With ties: d = 1, 1, 1, 2, −2, 3 (n = 6). |d| ranks: the three 1s share 2, the two 2s share 4.5, 3 gets 6;
    /// W+ = 2+2+2+4.5+6 = 16.5, mean = 6·7/4 = 10.5, variance = 6·7·13/24 − ((27 − 3) + (8 − 2))/48 = 22.75 − 0.625
    /// = 22.125; z = 6/√22.125 = 1.27558..., p = erfc(z/√2) = 0.20211... (scipy.stats.wilcoxon(d, method="approx")
    /// computes the same statistic; the value here is computed from these formulas).
    /// </summary>
    [Test]
    public void Tied_differences_use_the_normal_approximation_with_the_ties_correction()
    {
        var result = WilcoxonSignedRankTest.Test([1, 1, 1, 2, -2, 3]);

        Assert.That(result.Exact, Is.False);
        Assert.That(result.Ties, Is.True);
        Assert.That(result.WPlus, Is.EqualTo(16.5));
        Assert.That(result.Z, Is.EqualTo(6 / Math.Sqrt(22.125)).Within(1e-15));
        Assert.That(result.PValue, Is.EqualTo(MathNet.Numerics.SpecialFunctions.Erfc(6 / Math.Sqrt(22.125) / Math.Sqrt(2))).Within(1e-15));
        Assert.That(result.PValue, Is.EqualTo(0.2021).Within(1e-4));
    }

    [Test]
    public void Beyond_twenty_five_differences_the_normal_approximation_is_used()
    {
        // 30 positive differences 1..30: W+ = 465, mean 232.5, variance 30·31·61/24 = 2363.75.
        var result = WilcoxonSignedRankTest.Test([.. Enumerable.Range(1, 30).Select(i => (double)i)]);

        Assert.That(result.Exact, Is.False);
        Assert.That(result.Z, Is.EqualTo(232.5 / Math.Sqrt(2363.75)).Within(1e-12));
    }
}
