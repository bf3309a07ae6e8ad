using EvalHarness.Judges.Agreement;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Judges.Calibration;

/// <summary>
/// κ's large-sample interval (Fleiss, Cohen &amp; Everitt 1969) against values computed independently by
/// kappa_reference.py beside this file (python3, standard library only; run it to print them), and its κ
/// against CohenKappa and scikit-learn's reference values.
/// </summary>
[TestFixture]
public sealed class KappaIntervalTests
{
    private const double Tolerance = 1e-12;

    [TestCase(new[] { 9, 3, 3, 7 }, 0.4500000000000002, 0.1911560226621175, 0.07534108015432756, 0.8246589198456729)]
    [TestCase(new[] { 5, 1, 1, 4 }, 0.6333333333333332, 0.23436149138025075, 0.1739932508649475, 1.0)]
    [TestCase(new[] { 4, 2, 2, 3 }, 0.26666666666666683, 0.2914755987923483, -0.3046150093385822, 0.8379483426719159)]
    [TestCase(new[] { 1, 1, 0, 0, 1, 1, 0, 0, 2 }, 0.49999999999999994, 0.27322660517925007, -0.03551430576947506, 1.0)]
    public void Unweighted_kappa_its_standard_error_and_interval_match_the_reference(int[] cells, double kappa, double se, double low, double high)
    {
        var result = CohenKappaInterval.Compute(Square(cells))!;

        Assert.That(result.Kappa, Is.EqualTo(kappa).Within(Tolerance));
        Assert.That(result.StandardError, Is.EqualTo(se).Within(Tolerance));
        Assert.That((result.Interval.Low, result.Interval.High), Is.EqualTo((low, high)).Within(Tolerance));
        Assert.That(result.Interval.Method, Is.EqualTo(CohenKappaInterval.MethodName));
    }

    [Test]
    public void Quadratic_weighted_kappa_and_its_interval_match_the_reference_for_the_ordinal_case()
    {
        using var doc = ReferenceVectors.Load("stats.json");
        var ordinal = doc.RootElement.GetProperty("cohen_kappa").GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "ordinal_0_to_4");
        var human = ordinal.GetProperty("rater1").EnumerateArray().Select(e => e.GetInt32()).ToList();
        var judge = ordinal.GetProperty("rater2").EnumerateArray().Select(e => e.GetInt32()).ToList();
        var confusion = new double[5, 5];
        for (var i = 0; i < human.Count; i++)
        {
            confusion[human[i], judge[i]]++;
        }

        var quadratic = CohenKappaInterval.Compute(confusion, KappaWeighting.Quadratic)!;
        var linear = CohenKappaInterval.Compute(confusion, KappaWeighting.Linear)!;
        var unweighted = CohenKappaInterval.Compute(confusion)!;

        Assert.That(quadratic.Kappa, Is.EqualTo(ordinal.GetProperty("kappa_quadratic").GetDouble()).Within(Tolerance));
        Assert.That(linear.Kappa, Is.EqualTo(ordinal.GetProperty("kappa_linear").GetDouble()).Within(Tolerance));
        Assert.That(unweighted.Kappa, Is.EqualTo(ordinal.GetProperty("kappa").GetDouble()).Within(Tolerance));
        Assert.That(quadratic.StandardError, Is.EqualTo(0.04755763235340606).Within(Tolerance), "kappa_reference.py");
        Assert.That((quadratic.Interval.Low, quadratic.Interval.High), Is.EqualTo((0.773455420063994, 0.9598779132693394)).Within(Tolerance), "kappa_reference.py");
    }

    [Test]
    public void Perfect_agreement_has_no_spread_and_chance_complete_agreement_has_no_kappa()
    {
        var perfect = CohenKappaInterval.Compute(Square([4, 0, 0, 6]))!;
        Assert.That((perfect.Kappa, perfect.StandardError, perfect.Interval.Low, perfect.Interval.High), Is.EqualTo((1.0, 0.0, 1.0, 1.0)).Within(Tolerance));

        Assert.That(CohenKappaInterval.Compute(Square([5, 0, 0, 0])), Is.Null, "both raters always gave the same one label");
        Assert.That(CohenKappaInterval.Compute(new double[2, 2]), Is.Null, "no items");
    }

    private static double[,] Square(int[] cells)
    {
        var k = (int)Math.Sqrt(cells.Length);
        var result = new double[k, k];
        for (var i = 0; i < cells.Length; i++)
        {
            result[i / k, i % k] = cells[i];
        }

        return result;
    }
}
