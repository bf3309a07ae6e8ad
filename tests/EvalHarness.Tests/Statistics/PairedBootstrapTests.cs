using EvalHarness.Metrics;
using EvalHarness.Statistics;

namespace EvalHarness.Tests.Statistics;

[TestFixture]
public sealed class PairedBootstrapTests
{
    [Test]
    public void The_difference_is_the_mean_of_a_minus_b_and_the_run_is_reproducible()
    {
        // Differences 1, 0, 0, 1, −1, 1 → mean 2/6.
        double[] a = [1, 1, 0, 1, 0, 1];
        double[] b = [0, 1, 0, 0, 1, 0];

        var first = PairedBootstrap.MeanDifference(a, b, seed: 42);
        var again = PairedBootstrap.MeanDifference(a, b, seed: 42);

        Assert.That(first.Difference, Is.EqualTo(2.0 / 6).Within(1e-15));
        Assert.That(first, Is.EqualTo(again));
        Assert.That((first.Seed, first.Resamples, first.Rows, first.Units, first.Clustered), Is.EqualTo((42, 2000, 6, 6, false)));
        Assert.That(first.Lower, Is.LessThanOrEqualTo(first.Difference));
        Assert.That(first.Upper, Is.GreaterThanOrEqualTo(first.Difference));
    }

    /// <summary>
    /// Without clusters each resample draws rows exactly as the mean_bootstrap metric draws values (same seeded
    /// System.Random, same order of draws, same percentile rule), so the interval equals that metric's interval of
    /// the differences: an independent implementation of the same procedure.
    /// </summary>
    [Test]
    public void Row_resampling_equals_the_mean_bootstrap_of_the_differences()
    {
        double[] a = [0.9, 0.2, 0.75, 1, 0.4, 0.6, 0.1, 0.8];
        double[] b = [0.5, 0.3, 0.7, 0.2, 0.4, 0.9, 0.0, 0.35];
        var differences = a.Zip(b, (x, y) => x - y).ToArray();

        var result = PairedBootstrap.MeanDifference(a, b, seed: 7, confidence: 0.9, resamples: 3000);
        var reference = Intervals.Bootstrap(differences, 7, 0.9, 3000)!;

        Assert.That(result.Lower, Is.EqualTo(reference.Low).Within(1e-12));
        Assert.That(result.Upper, Is.EqualTo(reference.High).Within(1e-12));
    }

    /// <summary>
    /// By hand: sample s1 has 10 epochs all with difference 1, sample s2 10 epochs all with difference 0. Resampling
    /// two clusters gives a mean of 0 (s2, s2; probability 1/4), 0.5 (1/2) or 1 (s1, s1; 1/4), so with 2000 resamples
    /// the 2.5% and 97.5% points are 0 and 1: the data hold only two independent samples. Resampling the 20 rows as
    /// if independent gives means Binomial(20, ½)/20, whose 2.5% and 97.5% points are 6/20 and 14/20 (P(X ≤ 5) =
    /// 0.021, P(X ≤ 6) = 0.058): a falsely narrow interval.
    /// </summary>
    [Test]
    public void Clusters_move_together_so_epochs_do_not_count_as_independent_samples()
    {
        var a = Enumerable.Repeat(1.0, 10).Concat(Enumerable.Repeat(0.0, 10)).ToArray();
        var b = new double[20];
        var clusters = Enumerable.Repeat("s1", 10).Concat(Enumerable.Repeat("s2", 10)).ToArray();

        var clustered = PairedBootstrap.MeanDifference(a, b, seed: 3, clusters: clusters);
        var rows = PairedBootstrap.MeanDifference(a, b, seed: 3);

        Assert.That((clustered.Difference, clustered.Lower, clustered.Upper), Is.EqualTo((0.5, 0.0, 1.0)));
        Assert.That((clustered.Units, clustered.Rows, clustered.Clustered), Is.EqualTo((2, 20, true)));
        Assert.That(rows.Lower, Is.InRange(0.25, 0.35));
        Assert.That(rows.Upper, Is.InRange(0.65, 0.75));
    }

    /// <summary>
    /// Unequal cluster sizes: s1 has 3 rows with difference 1, s2 one row with difference 0. A resample's mean is
    /// over the rows it holds: (s1, s1) = 6/6 = 1, (s1, s2) = 3/4, (s2, s2) = 0; the observed difference is 3/4.
    /// </summary>
    [Test]
    public void A_clustered_resample_averages_over_the_rows_of_its_clusters()
    {
        var result = PairedBootstrap.MeanDifference([1, 1, 1, 0], [0, 0, 0, 0], seed: 11, clusters: ["s1", "s1", "s1", "s2"]);

        Assert.That(result.Difference, Is.EqualTo(0.75));
        Assert.That((result.Lower, result.Upper), Is.EqualTo((0.0, 1.0)));
    }

    [Test]
    public void One_unit_has_no_interval_and_mismatched_inputs_are_rejected()
    {
        var single = PairedBootstrap.MeanDifference([1, 0], [0, 0], seed: 1, clusters: ["s", "s"]);

        Assert.That((single.Difference, single.Lower, single.Upper), Is.EqualTo((0.5, (double?)null, (double?)null)));
        Assert.That(() => PairedBootstrap.MeanDifference([1], [1, 2], 1), Throws.ArgumentException);
        Assert.That(() => PairedBootstrap.MeanDifference([1, 2], [1, 2], 1, clusters: ["a"]), Throws.ArgumentException);
    }
}
