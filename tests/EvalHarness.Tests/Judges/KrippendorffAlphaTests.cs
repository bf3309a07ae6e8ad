using EvalHarness.Judges.Agreement;

namespace EvalHarness.Tests.Judges;

[TestFixture]
public sealed class KrippendorffAlphaTests
{
    /// <summary>
    /// The reliability data of Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011), example C:
    /// four observers (rows) code twelve units (columns) on values 1–5, with missing values (null). The paper
    /// reports nominal α = 0.743 and interval α = 0.849.
    /// </summary>
    private static readonly double?[][] Observers =
    [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
        [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
    ];

    private static List<IReadOnlyList<double?>> Units =>
        Enumerable.Range(0, 12).Select(u => (IReadOnlyList<double?>)Observers.Select(o => o[u]).ToList()).ToList();

    // Exact values computed independently in Python with fractions from the coincidence-matrix formula of the
    // paper: nominal 113/152 = 0.743421052631579, interval 951/1120 = 0.8491071428571428, over the 11 units that
    // have at least two values (unit 12 has one) holding 40 pairable values.
    [Test]
    public void Nominal_alpha_matches_Krippendorffs_worked_example()
    {
        var result = KrippendorffAlpha.Compute(Units, AlphaMetric.Nominal);

        Assert.That(result.Value, Is.EqualTo(113.0 / 152).Within(1e-12));
        Assert.That(Math.Round(result.Value!.Value, 3), Is.EqualTo(0.743));
        Assert.That((result.Items, result.ExcludedItems), Is.EqualTo((11, 1)));
    }

    [Test]
    public void Interval_alpha_matches_Krippendorffs_worked_example()
    {
        var result = KrippendorffAlpha.Compute(Units, AlphaMetric.Interval);

        Assert.That(result.Value, Is.EqualTo(951.0 / 1120).Within(1e-12));
        Assert.That(Math.Round(result.Value!.Value, 3), Is.EqualTo(0.849));
    }

    [Test]
    public void Labels_give_the_same_nominal_alpha_as_numbers()
    {
        var labels = Units.Select(u => (IReadOnlyList<string?>)u.Select(v => v is { } x ? "label " + x : null).ToList()).ToList();

        Assert.That(KrippendorffAlpha.Compute(labels).Value, Is.EqualTo(113.0 / 152).Within(1e-12));
    }

    [Test]
    public void Identical_values_everywhere_are_undefined_rather_than_NaN()
    {
        var result = KrippendorffAlpha.Compute([[3.0, 3.0], [3.0, 3.0, null]], AlphaMetric.Interval);

        Assert.That(result.Value, Is.Null);
        Assert.That(result.Reason, Does.StartWith("α is undefined"));
    }

    [Test]
    public void Units_without_two_values_cannot_be_compared()
    {
        var result = KrippendorffAlpha.Compute([["C", null], [null, null]]);

        Assert.That(result.Value, Is.Null);
        Assert.That(result.Reason, Is.EqualTo("no unit has two or more ratings to compare"));
        Assert.That(result.ExcludedItems, Is.EqualTo(2));
    }
}
