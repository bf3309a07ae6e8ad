using EvalHarness.Metrics;

namespace EvalHarness.Tests.Metrics;

[TestFixture]
public sealed class IntervalMethodsTests
{
    [Test]
    public void Every_bootstrap_interval_records_its_resamples_and_the_closed_form_ones_none()
    {
        var values = Enumerable.Range(0, 40).Select(i => (double)(i % 3)).ToArray();
        var bootstrap = Intervals.Bootstrap(values, seed: 5)!;
        Assert.That(bootstrap.Method, Is.EqualTo(IntervalMethods.Bootstrap));
        Assert.That(bootstrap.Resamples, Is.EqualTo(2000), "at least 2,000 resamples, as the issue of record asks");
        Assert.That(Intervals.Wilson(3, 10)!.Resamples, Is.Null);
        Assert.That(Intervals.StudentT(values)!.Resamples, Is.Null);
    }

    [Test]
    public void Labels_and_descriptions_name_the_method_resamples_and_seed()
    {
        Assert.That(IntervalMethods.Label(IntervalMethods.Wilson), Is.EqualTo("Wilson"));
        Assert.That(IntervalMethods.Label(IntervalMethods.StudentT), Is.EqualTo("t"));
        Assert.That(IntervalMethods.Label(IntervalMethods.Bootstrap, 2000), Is.EqualTo("bootstrap ×2000"));
        Assert.That(IntervalMethods.Label(null), Is.EqualTo("–"));
        Assert.That(
            IntervalMethods.Describe(IntervalMethods.Bootstrap, 2000, 17),
            Is.EqualTo("percentile bootstrap, 2000 resamples of samples (each with all its epochs), seed 17"));
        Assert.That(IntervalMethods.Describe("fleiss-cohen-everitt-1969", null, 0), Is.EqualTo("fleiss-cohen-everitt-1969"), "an unknown method is named as recorded");
    }

    [Test]
    public void Percentile_interpolates_linearly_as_numpy()
    {
        // numpy.percentile([1, 2, 3, 4], 25) = 1.75; at 2.5% of [0..10] = 0.25.
        Assert.That(Intervals.Percentile([1.0, 2, 3, 4], 0.25), Is.EqualTo(1.75).Within(1e-12));
        Assert.That(Intervals.Percentile(Enumerable.Range(0, 11).Select(i => (double)i).ToArray(), 0.025), Is.EqualTo(0.25).Within(1e-12));
    }
}
