using EvalHarness.Comparison;
using EvalHarness.Extensions;
using EvalHarness.Logs;
using EvalHarness.Results;
using EvalHarness.Scoring;
using EvalHarness.Statistics;

namespace EvalHarness.Tests.Comparison;

[TestFixture]
public sealed class RunComparerTests
{
    private static RunPairComparison Compare(RunLog a, RunLog b, CompareOptions? options = null) =>
        RunComparer.Compare(new ResultsBuilder(EvalCatalog.Core), a, b, options ?? new CompareOptions());

    private static CompareRow Overall(RunPairComparison c, string scorer) => c.Rows.Single(r => r.Scorer == scorer && r.Group is null);

    [Test]
    public void Twelve_samples_lost_out_of_forty_is_a_significant_regression_with_the_exact_mcnemar_p()
    {
        var c = Compare(CompareLogs.Log("a", CompareLogs.Passing(40)), CompareLogs.Log("b", CompareLogs.Passing(40, failing: Enumerable.Range(0, 12))));
        var row = Overall(c, "pass");

        // b = 12 pass→fail, c = 0: two-sided exact p = 2 × 0.5^12.
        Assert.That(row.PassToFail, Is.EqualTo(12));
        Assert.That(row.FailToPass, Is.EqualTo(0));
        Assert.That(row.PValue, Is.EqualTo(2.0 / 4096).Within(1e-12));
        Assert.That(row.MeanA, Is.EqualTo(1.0));
        Assert.That(row.MeanB, Is.EqualTo(28.0 / 40).Within(1e-12));
        Assert.That(row.Difference, Is.EqualTo(-0.3).Within(1e-12));
        Assert.That(row.Upper, Is.LessThan(0), "the bootstrap interval excludes zero");
        Assert.That(row.Verdict, Is.EqualTo(CompareVerdict.Regression));
        Assert.That(c.Regressions, Is.GreaterThanOrEqualTo(1));
    }

    [Test]
    public void The_same_loss_the_other_way_is_an_improvement()
    {
        var c = Compare(CompareLogs.Log("a", CompareLogs.Passing(40, failing: Enumerable.Range(0, 12))), CompareLogs.Log("b", CompareLogs.Passing(40)));

        Assert.That(Overall(c, "pass").Verdict, Is.EqualTo(CompareVerdict.Improvement));
    }

    [Test]
    public void A_balanced_change_on_two_hundred_samples_is_no_significant_change_with_a_defined_detectable_difference()
    {
        // A fails s000–s009, B fails s010–s021: b = 12, c = 10.
        var a = CompareLogs.Passing(200, failing: Enumerable.Range(0, 10));
        var b = CompareLogs.Passing(200, failing: Enumerable.Range(10, 12));
        var row = Overall(Compare(CompareLogs.Log("a", a), CompareLogs.Log("b", b)), "pass");

        // 2 × Σ_{i≤10} C(22, i) / 2^22, summed by hand in Python.
        Assert.That(row.PValue, Is.EqualTo(0.8318119049072266).Within(1e-12));
        // Connor: sqrt(0.11)(sqrt(200)·1.95996 + 0.84162·sqrt(200 + 0.84162² − 1.95996²)) / (200 + 0.84162²) ≈ 0.0653.
        Assert.That(row.DetectableDifference, Is.EqualTo(0.0653).Within(5e-4));
        Assert.That(row.Verdict, Is.EqualTo(CompareVerdict.NoChange));
    }

    [Test]
    public void Mid_p_is_used_when_asked()
    {
        var a = CompareLogs.Passing(200, failing: Enumerable.Range(0, 10));
        var b = CompareLogs.Passing(200, failing: Enumerable.Range(10, 12));
        var row = Overall(Compare(CompareLogs.Log("a", a), CompareLogs.Log("b", b), new CompareOptions(MidP: true)), "pass");

        Assert.That(row.PValue, Is.EqualTo(0.6776394844055176).Within(1e-12));
        Assert.That(row.Test, Is.EqualTo("McNemar mid-p"));
    }

    [Test]
    public void Six_samples_are_too_few_to_tell_even_with_a_large_drop()
    {
        var row = Overall(Compare(CompareLogs.Log("a", CompareLogs.Passing(6)), CompareLogs.Log("b", CompareLogs.Passing(6, failing: [0, 1]))), "pass");

        // b = 2, c = 0: p = 2 × 0.5² = 0.5.
        Assert.That(row.PValue, Is.EqualTo(0.5).Within(1e-12));
        Assert.That(row.Verdict, Is.EqualTo(CompareVerdict.TooFew));
    }

    [Test]
    public void A_few_discordant_samples_among_many_leave_the_difference_undetectable()
    {
        // b = 3, c = 1 of 100: p = 2 × (1 + 4) / 16; the detectable difference would exceed the 4% discordant, so it is undefined.
        var row = Overall(Compare(CompareLogs.Log("a", CompareLogs.Passing(100, failing: [0])), CompareLogs.Log("b", CompareLogs.Passing(100, failing: [1, 2, 3]))), "pass");

        Assert.That(row.PValue, Is.EqualTo(0.625).Within(1e-12));
        Assert.That(row.DetectableDifference, Is.Null);
        Assert.That(row.Verdict, Is.EqualTo(CompareVerdict.TooFew));
    }

    [Test]
    public void Samples_in_only_one_run_are_counted_and_named_not_dropped()
    {
        var a = CompareLogs.Passing(12);
        var b = CompareLogs.Passing(11).Append(CompareLogs.Record("extra", 1)).ToList();
        var c = Compare(CompareLogs.Log("a", a), CompareLogs.Log("b", b));
        var suite = c.Suites.Single();

        Assert.That(suite.Paired, Is.EqualTo(11));
        Assert.That(suite.OnlyInA, Is.EqualTo(1));
        Assert.That(suite.OnlyInAIds, Is.EqualTo(new[] { "s011" }));
        Assert.That(suite.OnlyInB, Is.EqualTo(1));
        Assert.That(suite.OnlyInBIds, Is.EqualTo(new[] { "extra" }));
        Assert.That(Overall(c, "pass").N, Is.EqualTo(11));
    }

    [Test]
    public void A_suite_whose_files_differ_is_compared_but_flagged()
    {
        var c = Compare(CompareLogs.Log("a", CompareLogs.Passing(12), CompareLogs.Suite(sha: "00")), CompareLogs.Log("b", CompareLogs.Passing(12), CompareLogs.Suite(sha: "11")));

        Assert.That(c.Suites.Single().FilesDiffer, Is.True);
        Assert.That(Overall(c, "pass").N, Is.EqualTo(12));
        Assert.That(Compare(CompareLogs.Log("a", CompareLogs.Passing(12)), CompareLogs.Log("b", CompareLogs.Passing(12))).Suites.Single().FilesDiffer, Is.False);
    }

    [Test]
    public void Graded_rows_use_wilcoxon_and_the_declared_direction()
    {
        var a = CompareLogs.Passing(30, grade: i => 0.2);
        var b = CompareLogs.Passing(30, grade: i => 0.6 + (i / 100.0));
        var higher = Overall(Compare(CompareLogs.Log("a", a), CompareLogs.Log("b", b)), "grade");
        var lowerSuite = CompareLogs.Suite(gradeDirection: ScoreDirection.LowerIsBetter);
        var lower = Overall(Compare(CompareLogs.Log("a", a, lowerSuite), CompareLogs.Log("b", b, lowerSuite)), "grade");

        Assert.That(higher.Test, Is.EqualTo("Wilcoxon signed-rank"));
        Assert.That(higher.PValue, Is.EqualTo(WilcoxonSignedRankTest.Test(b.Zip(a, (x, y) => x.Scores!["grade"].Value!.Value - y.Scores!["grade"].Value!.Value).ToList()).PValue).Within(1e-12));
        Assert.That(higher.Verdict, Is.EqualTo(CompareVerdict.Improvement));
        Assert.That(lower.Verdict, Is.EqualTo(CompareVerdict.Regression));
        Assert.That(higher.PassToFail, Is.Null);
    }

    [Test]
    public void Holm_covers_every_row_overall_and_per_group()
    {
        var a = CompareLogs.Passing(40, category: i => i % 2 == 0 ? "x" : "y");
        var b = CompareLogs.Passing(40, failing: Enumerable.Range(0, 12), category: i => i % 2 == 0 ? "x" : "y");
        var c = Compare(CompareLogs.Log("a", a), CompareLogs.Log("b", b));
        var tested = c.Rows.Where(r => r.PValue is not null).ToList();
        var holm = MultipleTesting.Holm(tested.Select(r => r.PValue!.Value).ToList());

        Assert.That(c.Rows.Select(r => r.Group), Is.SupersetOf(new[] { null, "category = x", "category = y" }));
        Assert.That(tested.Select(r => r.AdjustedPValue!.Value), Is.EqualTo(holm.Adjusted));
        Assert.That(Compare(CompareLogs.Log("a", a), CompareLogs.Log("b", b), new CompareOptions(Correction: MultipleTesting.BenjaminiHochbergMethod)).Rows.Where(r => r.PValue is not null).Select(r => r.AdjustedPValue!.Value),
            Is.EqualTo(MultipleTesting.BenjaminiHochberg(tested.Select(r => r.PValue!.Value).ToList()).Adjusted));
    }

    [Test]
    public void Epochs_are_bootstrapped_clustered_by_sample_and_the_seed_reproduces_the_interval()
    {
        var suite = CompareLogs.Suite(epochs: 2);
        var a = Enumerable.Range(0, 20).SelectMany(i => new[] { CompareLogs.Record($"s{i:00}", 1, epoch: 1), CompareLogs.Record($"s{i:00}", 1, epoch: 2) }).ToList();
        var b = Enumerable.Range(0, 20).SelectMany(i => new[] { CompareLogs.Record($"s{i:00}", i < 5 ? 0 : 1, epoch: 1), CompareLogs.Record($"s{i:00}", 1, epoch: 2) }).ToList();
        var first = Overall(Compare(CompareLogs.Log("a", a, suite), CompareLogs.Log("b", b, suite), new CompareOptions(Seed: 7)), "pass");
        var again = Overall(Compare(CompareLogs.Log("a", a, suite), CompareLogs.Log("b", b, suite), new CompareOptions(Seed: 7)), "pass");

        Assert.That(first.BootstrapClustered, Is.True);
        Assert.That((first.Lower, first.Upper), Is.EqualTo((again.Lower, again.Upper)));
        // Mean reducer: the five samples score 0.5 in B, which counts as a pass for McNemar (most epochs passed).
        Assert.That(first.PassToFail, Is.EqualTo(0));
        Assert.That(first.Difference, Is.EqualTo(-5 * 0.5 / 20).Within(1e-12));
    }

    [Test]
    public void A_sample_errored_in_one_run_is_counted_as_unpaired_on_its_rows()
    {
        var b = CompareLogs.Passing(12);
        b[3] = b[3] with { Scores = null, Output = null, Error = new SampleError("permanent", "boom") };
        var row = Overall(Compare(CompareLogs.Log("a", CompareLogs.Passing(12)), CompareLogs.Log("b", b)), "pass");

        Assert.That(row.N, Is.EqualTo(11));
        Assert.That(row.Excluded, Is.EqualTo(1));
    }

    [Test]
    public void Best_at_zero_moving_away_from_zero_is_worse_and_toward_it_better()
    {
        var suite = CompareLogs.Suite(gradeDirection: ScoreDirection.BestAtZero);
        var near = CompareLogs.Passing(30, grade: i => 0.01 * (i % 3));
        var far = CompareLogs.Passing(30, grade: i => -0.5 - (0.01 * i));

        Assert.That(Overall(Compare(CompareLogs.Log("a", near, suite), CompareLogs.Log("b", far, suite)), "grade").Verdict, Is.EqualTo(CompareVerdict.Regression));
        Assert.That(Overall(Compare(CompareLogs.Log("a", far, suite), CompareLogs.Log("b", near, suite)), "grade").Verdict, Is.EqualTo(CompareVerdict.Improvement));
    }
}
