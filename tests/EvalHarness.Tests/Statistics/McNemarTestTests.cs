using EvalHarness.Statistics;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Statistics;

[TestFixture]
public sealed class McNemarTestTests
{
    /// <summary>Every <c>mcnemar_exact</c> case of stats.json: statsmodels' <c>mcnemar(table, exact=True)</c>.</summary>
    [Test]
    public void Exact_p_value_and_statistic_match_statsmodels_for_every_reference_table()
    {
        using var vectors = ReferenceVectors.Load("stats.json");
        var cases = vectors.RootElement.GetProperty("mcnemar_exact").GetProperty("cases").EnumerateArray().ToList();
        Assert.That(cases, Has.Count.EqualTo(12));
        Assert.Multiple(() =>
        {
            foreach (var c in cases)
            {
                var table = c.GetProperty("table");
                var b = table[0][1].GetInt32();
                var cc = table[1][0].GetInt32();
                Assert.That((b, cc), Is.EqualTo((c.GetProperty("b").GetInt32(), c.GetProperty("c").GetInt32())));
                var expected = c.GetProperty("exact_pvalue").GetDouble();

                var result = McNemarTest.Test(b, cc);

                Assert.That(result.PValue, Is.EqualTo(expected).Within(1e-10).Percent, $"table {table}"); // 1e-12 relative, as stats.json asks for binomial sums
                Assert.That(McNemarTest.PValue(b, cc), Is.EqualTo(result.PValue));
                Assert.That((double)result.Statistic, Is.EqualTo(c.GetProperty("exact_statistic").GetDouble()), $"table {table}");
            }
        });
    }

    /// <summary>
    /// Mid-p by hand: with n = b + c and k = min(b, c), mid-p = 2·Σ_{i≤k} C(n, i)/2^n − C(n, k)/2^n.
    /// (0, 2): 2·1/4 − 1/4 = 1/4. (1, 5): 2·(1 + 6)/64 − 6/64 = 8/64. (8, 2): 2·(1 + 10 + 45)/1024 − 45/1024 = 67/1024.
    /// b = c: the two tails meet, so mid-p = 1; no discordant pairs: 1.
    /// </summary>
    [TestCase(0, 2, 0.5, 0.25)]
    [TestCase(1, 5, 14.0 / 64, 8.0 / 64)]
    [TestCase(8, 2, 112.0 / 1024, 67.0 / 1024)]
    [TestCase(3, 3, 1.0, 1.0)]
    [TestCase(0, 0, 1.0, 1.0)]
    public void Mid_p_subtracts_the_observed_split_once(int b, int c, double exact, double midP)
    {
        var result = McNemarTest.Test(b, c);

        Assert.That(result.PValue, Is.EqualTo(exact).Within(1e-15));
        Assert.That(result.MidPValue, Is.EqualTo(midP).Within(1e-15));
        Assert.That(McNemarTest.MidPValue(b, c), Is.EqualTo(result.MidPValue));
        Assert.That(result.Discordant, Is.EqualTo(b + c));
    }

    [Test]
    public void Large_counts_use_the_binomial_distribution_and_mid_p_stays_below_the_exact_p()
    {
        var result = McNemarTest.Test(480, 560);

        Assert.That(result.PValue, Is.EqualTo(2 * MathNet.Numerics.Distributions.Binomial.CDF(0.5, 1040, 480)).Within(1e-12));
        Assert.That(result.MidPValue, Is.LessThan(result.PValue).And.GreaterThan(0));
    }

    [Test]
    public void Negative_counts_are_rejected() =>
        Assert.That(() => McNemarTest.Test(-1, 2), Throws.TypeOf<ArgumentOutOfRangeException>());
}
