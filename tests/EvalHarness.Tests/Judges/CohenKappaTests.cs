using System.Text.Json;
using EvalHarness.Judges.Agreement;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Judges;

/// <summary>
/// Cohen's κ against scikit-learn 1.2.1's cohen_kappa_score, as recorded in
/// ../shared/reference-vectors/stats.json (every case, including the weighted ones and the edge cases).
/// </summary>
[TestFixture]
public sealed class CohenKappaTests
{
    private const double Tolerance = 1e-12;

    [Test]
    public void Kappa_matches_scikit_learn_for_every_reference_case()
    {
        using var doc = ReferenceVectors.Load("stats.json");
        var cases = doc.RootElement.GetProperty("cohen_kappa").GetProperty("cases").EnumerateArray().ToList();
        Assert.That(cases, Is.Not.Empty);
        var checkedWeighted = 0;
        foreach (var c in cases)
        {
            var name = c.GetProperty("name").GetString();
            foreach (var (field, weighting) in new[] { ("kappa", KappaWeighting.Unweighted), ("kappa_linear", KappaWeighting.Linear), ("kappa_quadratic", KappaWeighting.Quadratic) })
            {
                if (!c.TryGetProperty(field, out var expected))
                {
                    continue;
                }

                var result = Compute(c, weighting);
                Assert.That(result.Value, Is.Not.Null, $"{name} {weighting}: {result.Reason}");
                Assert.That(result.Value!.Value, Is.EqualTo(expected.GetDouble()).Within(Tolerance), $"{name} {weighting}");
                Assert.That((result.Items, result.ExcludedItems), Is.EqualTo((c.GetProperty("rater1").GetArrayLength(), 0)), name);
                checkedWeighted += weighting == KappaWeighting.Unweighted ? 0 : 1;
            }
        }

        Assert.That(checkedWeighted, Is.GreaterThanOrEqualTo(2), "the linear and quadratic cases were found");
    }

    [Test]
    public void Edge_cases_match_scikit_learn_with_undefined_as_null_not_NaN()
    {
        using var doc = ReferenceVectors.Load("stats.json");
        var cases = doc.RootElement.GetProperty("cohen_kappa").GetProperty("edge_cases").EnumerateArray().ToList();
        Assert.That(cases, Is.Not.Empty);
        foreach (var c in cases)
        {
            var name = c.GetProperty("name").GetString();
            var result = Compute(c, KappaWeighting.Unweighted);
            if (c.GetProperty("kappa").ValueKind == JsonValueKind.Null)
            {
                Assert.That(result.Value, Is.Null, name);
                Assert.That(result.Reason, Does.StartWith("κ is undefined"), name);
            }
            else
            {
                Assert.That(result.Value, Is.EqualTo(c.GetProperty("kappa").GetDouble()).Within(Tolerance), name);
                Assert.That(result.Reason, Is.Null, name);
            }
        }
    }

    [Test]
    public void Items_a_judge_failed_on_are_excluded_and_counted()
    {
        string?[] judge1 = ["C", "I", null, "C", "I"];
        string?[] judge2 = ["C", "I", "C", null, "C"];

        var withGaps = CohenKappa.Compute(judge1, judge2);
        var complete = CohenKappa.Compute(["C", "I", "I"], ["C", "I", "C"]);

        Assert.That((withGaps.Items, withGaps.ExcludedItems), Is.EqualTo((3, 2)));
        Assert.That(withGaps.Value, Is.EqualTo(complete.Value));
    }

    [Test]
    public void No_item_rated_by_both_is_undefined()
    {
        var result = CohenKappa.Compute(["C", null], [null, "I"]);

        Assert.That(result.Value, Is.Null);
        Assert.That(result.Reason, Is.EqualTo("no item was rated by both raters"));
    }

    [Test]
    public void Explicit_categories_keep_the_distance_of_an_unused_rating()
    {
        // Ratings 1, 2 and 5 only: implied categories [1, 2, 5] put 5 next to 2, the full scale puts it three
        // steps away. Expected values computed in Python with the same formula as scikit-learn's.
        double?[] a = [1, 2, 2, 5, 1, 5];
        double?[] b = [2, 5, 2, 5, 1, 2];

        Assert.That(CohenKappa.Compute(a, b, KappaWeighting.Linear).Value, Is.EqualTo(0.4).Within(Tolerance));
        Assert.That(CohenKappa.Compute(a, b, KappaWeighting.Linear, [1, 2, 3, 4, 5]).Value, Is.EqualTo(10.0 / 31).Within(Tolerance));
        Assert.That(CohenKappa.Compute(a, b, KappaWeighting.Quadratic, [1, 2, 3, 4, 5]).Value, Is.EqualTo(0.4123711340206184).Within(Tolerance));
    }

    [Test]
    public void A_rating_outside_the_given_categories_is_reported()
    {
        var result = CohenKappa.Compute(["C", "I"], ["C", "P"], categories: ["C", "I"]);

        Assert.That(result.Value, Is.Null);
        Assert.That(result.Reason, Is.EqualTo("the rating 'P' is not one of the categories given"));
    }

    private static AgreementResult Compute(JsonElement c, KappaWeighting weighting)
    {
        var r1 = c.GetProperty("rater1").EnumerateArray().ToList();
        var r2 = c.GetProperty("rater2").EnumerateArray().ToList();
        if (r1[0].ValueKind == JsonValueKind.Number)
        {
            return CohenKappa.Compute(r1.Select(v => (double?)v.GetDouble()).ToArray(), r2.Select(v => (double?)v.GetDouble()).ToArray(), weighting);
        }

        return CohenKappa.Compute(r1.Select(v => v.GetString()).ToArray(), r2.Select(v => v.GetString()).ToArray(), weighting);
    }
}
