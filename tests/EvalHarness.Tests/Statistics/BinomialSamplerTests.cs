using EvalHarness.Metrics;
using EvalHarness.Statistics;
using MathNet.Numerics.Distributions;

namespace EvalHarness.Tests.Statistics;

/// <summary>
/// The binomial draws behind the fast paired bootstrap: their distribution against MathNet's exact probability mass
/// function, and the bootstrap drawn by counts against the bootstrap drawn unit by unit.
/// </summary>
[TestFixture]
public sealed class BinomialSamplerTests
{
    [TestCase(40, 0.3)]      // mean 12: inversion from zero
    [TestCase(1000, 0.2)]    // mean 200: inversion outward from the mode
    [TestCase(1000, 0.85)]   // the upper tail, through the mirror
    [TestCase(100000, 0.04)] // the size of a large comparison
    public void Draws_follow_the_binomial_distribution(int n, double p)
    {
        const int draws = 100_000;
        var random = new Random(1234);
        var counts = new Dictionary<int, int>();
        for (var i = 0; i < draws; i++)
        {
            var k = BinomialSampler.Sample(random, n, p);
            Assert.That(k, Is.InRange(0, n));
            counts[k] = counts.GetValueOrDefault(k) + 1;
        }

        var mean = counts.Sum(c => (double)c.Key * c.Value) / draws;
        var variance = counts.Sum(c => (c.Key - mean) * (c.Key - mean) * c.Value) / draws;
        var sd = Math.Sqrt(n * p * (1 - p));
        Assert.That(mean, Is.EqualTo(n * p).Within(5 * sd / Math.Sqrt(draws)), "mean");
        Assert.That(variance, Is.EqualTo(n * p * (1 - p)).Within(0.03 * n * p * (1 - p)), "variance");

        // Every value with at least 1% probability: its frequency within 5 standard errors of the exact mass.
        var binomial = new Binomial(p, n);
        for (var k = 0; k <= n; k++)
        {
            var exact = binomial.Probability(k);
            if (exact < 0.01)
            {
                continue;
            }

            var error = Math.Sqrt(exact * (1 - exact) / draws);
            Assert.That(counts.GetValueOrDefault(k) / (double)draws, Is.EqualTo(exact).Within(5 * error), $"P(X = {k})");
        }
    }

    [Test]
    public void Edge_probabilities_give_the_certain_outcome()
    {
        var random = new Random(1);
        Assert.That(BinomialSampler.Sample(random, 10, 0), Is.Zero);
        Assert.That(BinomialSampler.Sample(random, 10, 1), Is.EqualTo(10));
        Assert.That(BinomialSampler.Sample(random, 0, 0.5), Is.Zero);
    }

    /// <summary>
    /// 5,000 pass/fail pairs, 300 passing only in A and 200 only in B: drawn by counts (the fast path) the interval of
    /// B − A must agree with mean_bootstrap's interval of the same differences drawn one by one, to Monte Carlo error
    /// (the percentiles of 2,000 resamples move by about 0.002 here), and both with the normal approximation.
    /// </summary>
    [Test]
    public void The_bootstrap_by_counts_matches_the_bootstrap_by_draws()
    {
        const int n = 5000;
        var a = new double[n];
        var b = new double[n];
        for (var i = 0; i < n; i++)
        {
            (a[i], b[i]) = i < 300 ? (1.0, 0.0) : i < 500 ? (0.0, 1.0) : i % 3 == 0 ? (0.0, 0.0) : (1.0, 1.0);
        }

        var fast = PairedBootstrap.MeanDifference(b, a, seed: 5);
        var reference = Intervals.Bootstrap(b.Zip(a, (x, y) => x - y).ToArray(), seed: 9)!;

        Assert.That(n, Is.GreaterThanOrEqualTo(CountResampler.CountsFrom), "the fast path is the one tested");
        Assert.That(fast.Difference, Is.EqualTo(-100.0 / n).Within(1e-15));
        Assert.That(fast.Lower, Is.EqualTo(reference.Low).Within(0.003));
        Assert.That(fast.Upper, Is.EqualTo(reference.High).Within(0.003));

        // Normal approximation: var of a difference in {−1, 0, 1} with P(−1) = 0.06, P(1) = 0.04.
        var variance = (0.06 + 0.04 - (0.02 * 0.02)) / n;
        Assert.That(fast.Lower, Is.EqualTo(-0.02 - (1.96 * Math.Sqrt(variance))).Within(0.003));
        Assert.That(fast.Upper, Is.EqualTo(-0.02 + (1.96 * Math.Sqrt(variance))).Within(0.003));
    }
}
