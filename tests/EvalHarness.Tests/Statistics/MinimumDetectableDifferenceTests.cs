using EvalHarness.Statistics;

namespace EvalHarness.Tests.Statistics;

[TestFixture]
public sealed class MinimumDetectableDifferenceTests
{
    private const double ZAlpha = 1.959963984540054;   // z(0.975)
    private const double ZBeta = 0.8416212335729143;   // z(0.8)

    /// <summary>
    /// By hand for n = 100, ψ = 0.2, α = 0.05, power 0.8: √ψ = 0.4472136; √n·z_α = 19.599640;
    /// n + z_β² − z_α² = 100 + 0.708326 − 3.841459 = 96.866867, √ = 9.842097, ·z_β = 8.283296;
    /// δ = 0.4472136 · (19.599640 + 8.283296) / 100.708326 = 0.123819.
    /// Independently, Connor's sample size formula in its original direction,
    /// n = (z_α·√ψ + z_β·√(ψ − δ²))² / δ², must give back the n we started from.
    /// </summary>
    [TestCase(100, 0.2, 0.1238193314844138)]
    [TestCase(400, 0.1, 0.04416652198516225)]
    public void Matches_the_hand_computation_and_inverts_connors_sample_size(int n, double psi, double expected)
    {
        var result = MinimumDetectableDifference.McNemar(n, psi);

        Assert.That(result.Difference, Is.EqualTo(expected).Within(1e-12));
        var d = result.Difference!.Value;
        var sampleSize = Math.Pow((ZAlpha * Math.Sqrt(psi)) + (ZBeta * Math.Sqrt(psi - (d * d))), 2) / (d * d);
        Assert.That(sampleSize, Is.EqualTo(n).Within(1e-9));
        Assert.That((result.N, result.DiscordantProportion, result.Alpha, result.Power), Is.EqualTo((n, psi, 0.05, 0.8)));
        Assert.That(result.Formula, Does.Contain("Connor"));
    }

    [Test]
    public void More_pairs_or_less_discordance_detect_smaller_differences()
    {
        var small = MinimumDetectableDifference.McNemar(50, 0.3).Difference!.Value;
        var large = MinimumDetectableDifference.McNemar(500, 0.3).Difference!.Value;
        var agreeing = MinimumDetectableDifference.McNemar(500, 0.1).Difference!.Value;

        Assert.That(large, Is.LessThan(small));
        Assert.That(agreeing, Is.LessThan(large));
        Assert.That(MinimumDetectableDifference.McNemar(500, 0.3, alpha: 0.01).Difference, Is.GreaterThan(large));
    }

    /// <summary>n = 5, ψ = 0.5: the formula gives δ = 0.685 > ψ, a difference larger than the discordance allows.</summary>
    [Test]
    public void Too_few_pairs_detect_nothing()
    {
        Assert.That(MinimumDetectableDifference.McNemar(5, 0.5).Difference, Is.Null);
        Assert.That(MinimumDetectableDifference.McNemar(2, 0.5).Difference, Is.Null);
        Assert.That(() => MinimumDetectableDifference.McNemar(100, 0), Throws.TypeOf<ArgumentOutOfRangeException>());
    }
}
