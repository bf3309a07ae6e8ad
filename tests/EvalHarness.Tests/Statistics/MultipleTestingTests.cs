using EvalHarness.Statistics;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Statistics;

[TestFixture]
public sealed class MultipleTestingTests
{
    /// <summary>Every <c>holm</c> case of stats.json: statsmodels' <c>multipletests(p, alpha, method='holm')</c>.</summary>
    [Test]
    public void Holm_matches_statsmodels_for_every_reference_list()
    {
        using var vectors = ReferenceVectors.Load("stats.json");
        var cases = vectors.RootElement.GetProperty("holm").GetProperty("cases").EnumerateArray().ToList();
        Assert.That(cases, Has.Count.EqualTo(4));
        Assert.Multiple(() =>
        {
            foreach (var c in cases)
            {
                var p = c.GetProperty("pvalues").EnumerateArray().Select(x => x.GetDouble()).ToArray();
                var adjusted = c.GetProperty("adjusted").EnumerateArray().Select(x => x.GetDouble()).ToArray();
                var reject = c.GetProperty("reject").EnumerateArray().Select(x => x.GetBoolean()).ToArray();

                var result = MultipleTesting.Holm(p, c.GetProperty("alpha").GetDouble());

                Assert.That(result.Adjusted, Is.EqualTo(adjusted).Within(1e-12), $"p = {c.GetProperty("pvalues")}");
                Assert.That(result.Reject, Is.EqualTo(reject), $"p = {c.GetProperty("pvalues")}");
                Assert.That(result.Method, Is.EqualTo("holm"));
            }
        });
    }

    /// <summary>
    /// By hand, m = 4, input p = 0.01, 0.04, 0.03, 0.005. Sorted: 0.005, 0.01, 0.03, 0.04; p·m/k = 0.02, 0.02, 0.04,
    /// 0.04; the running minimum from the top changes nothing; back in input order 0.02, 0.04, 0.04, 0.02. Every
    /// p(k) ≤ 0.05·k/4 from k = 4 (0.04 ≤ 0.05) down, so all are rejected.
    /// </summary>
    [Test]
    public void Benjamini_hochberg_adjusts_by_rank_and_returns_the_input_order()
    {
        var result = MultipleTesting.BenjaminiHochberg([0.01, 0.04, 0.03, 0.005]);

        Assert.That(result.Adjusted, Is.EqualTo(new[] { 0.02, 0.04, 0.04, 0.02 }).Within(1e-12));
        Assert.That(result.Reject, Is.All.True);
        Assert.That(result.Method, Is.EqualTo("fdr_bh"));
    }

    /// <summary>
    /// By hand, p = 0.02, 0.025, 0.2, 0.5 (sorted already), α = 0.05: thresholds α·k/4 = 0.0125, 0.025, 0.0375, 0.05.
    /// The largest k with p(k) ≤ threshold is 2 (0.025 ≤ 0.025), so the step-up rejects ranks 1 and 2 although
    /// 0.02 > 0.0125. p·4/k = 0.08, 0.05, 0.2667, 0.5; running minimum from the top: 0.05, 0.05, 0.2667, 0.5.
    /// Holm on the same list rejects nothing (0.02 > 0.05/4) and adjusts to 0.08, 0.08, 0.4, 0.5.
    /// </summary>
    [Test]
    public void Benjamini_hochberg_steps_up_where_holm_rejects_nothing()
    {
        double[] p = [0.02, 0.025, 0.2, 0.5];

        var bh = MultipleTesting.BenjaminiHochberg(p);
        var holm = MultipleTesting.Holm(p);

        Assert.That(bh.Adjusted, Is.EqualTo(new[] { 0.05, 0.05, 0.8 / 3, 0.5 }).Within(1e-12));
        Assert.That(bh.Reject, Is.EqualTo(new[] { true, true, false, false }));
        Assert.That(holm.Adjusted, Is.EqualTo(new[] { 0.08, 0.08, 0.4, 0.5 }).Within(1e-12));
        Assert.That(holm.Reject, Is.All.False);
    }

    [Test]
    public void Empty_families_give_empty_results_and_bad_p_values_are_rejected()
    {
        Assert.That(MultipleTesting.Holm([]).Adjusted, Is.Empty);
        Assert.That(MultipleTesting.BenjaminiHochberg([]).Reject, Is.Empty);
        Assert.That(() => MultipleTesting.Holm([0.1, 1.5]), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => MultipleTesting.BenjaminiHochberg([double.NaN]), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => MultipleTesting.Holm([0.1], alpha: 0), Throws.TypeOf<ArgumentOutOfRangeException>());
    }
}
