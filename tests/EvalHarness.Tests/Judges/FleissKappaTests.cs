using EvalHarness.Judges.Agreement;

namespace EvalHarness.Tests.Judges;

[TestFixture]
public sealed class FleissKappaTests
{
    /// <summary>
    /// The worked example of Fleiss (1971) as reproduced on Wikipedia's "Fleiss' kappa" page: 10 subjects,
    /// 14 raters, 5 categories, each row giving how many raters chose each category; the page reports
    /// P̄ = 0.378, P̄e = 0.213 and κ ≈ 0.210.
    /// </summary>
    private static readonly int[][] Fleiss1971 =
    [
        [0, 0, 0, 0, 14],
        [0, 2, 6, 4, 2],
        [0, 0, 3, 5, 6],
        [0, 3, 9, 2, 0],
        [2, 2, 8, 1, 1],
        [7, 7, 0, 0, 0],
        [3, 2, 6, 3, 0],
        [2, 5, 3, 2, 2],
        [6, 5, 2, 1, 0],
        [0, 2, 2, 3, 7],
    ];

    [Test]
    public void Kappa_matches_the_worked_example_of_Fleiss_1971()
    {
        // Computed independently in Python with exact fractions from the same formula
        // (P_i = (Σ n_ij² − n) / (n(n − 1)), p_j = Σ n_ij / (N n), κ = (P̄ − P̄e) / (1 − P̄e)):
        // κ = 4211/20059 = 0.20993070442195524 (P̄ = 0.378021978021978, P̄e = 0.21275510204081632).
        var result = FleissKappa.Compute(Ratings(Fleiss1971));

        Assert.That(result.Value, Is.EqualTo(4211.0 / 20059).Within(1e-12));
        Assert.That(Math.Round(result.Value!.Value, 3), Is.EqualTo(0.210));
        Assert.That((result.Items, result.ExcludedItems), Is.EqualTo((10, 0)));
    }

    [Test]
    public void Items_with_fewer_ratings_are_excluded_and_counted()
    {
        var items = Ratings(Fleiss1971);
        items.Add(["1", "2", null, .. Enumerable.Repeat<string?>(null, 11)]);
        items.Add(["5"]);

        var result = FleissKappa.Compute(items);

        Assert.That(result.Value, Is.EqualTo(4211.0 / 20059).Within(1e-12));
        Assert.That((result.Items, result.ExcludedItems), Is.EqualTo((10, 2)));
    }

    [Test]
    public void Perfect_agreement_across_categories_is_one()
    {
        var result = FleissKappa.Compute([["C", "C", "C"], ["I", "I", "I"], ["C", "C", "C"]]);

        Assert.That(result.Value, Is.EqualTo(1.0).Within(1e-12));
    }

    [Test]
    public void Every_rating_in_one_category_is_undefined_rather_than_NaN()
    {
        var result = FleissKappa.Compute([["C", "C", "C"], ["C", "C", "C"]]);

        Assert.That(result.Value, Is.Null);
        Assert.That(result.Reason, Does.StartWith("κ is undefined"));
        Assert.That(result.Items, Is.EqualTo(2));
    }

    [Test]
    public void A_single_rater_is_undefined()
    {
        var result = FleissKappa.Compute([["C"], ["I", null]]);

        Assert.That(result.Value, Is.Null);
        Assert.That(result.Reason, Is.EqualTo("Fleiss' κ needs at least two ratings per item"));
    }

    /// <summary>Expands "how many raters chose each category" into each rater's rating.</summary>
    private static List<IReadOnlyList<string?>> Ratings(int[][] counts) =>
        counts.Select(row => (IReadOnlyList<string?>)row.SelectMany((n, category) => Enumerable.Repeat<string?>($"category {category + 1}", n)).ToList()).ToList();
}
