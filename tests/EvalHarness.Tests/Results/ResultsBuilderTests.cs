using EvalHarness.Logs;
using EvalHarness.Metrics;
using EvalHarness.Results;
using static EvalHarness.Tests.Logs.RunLogTests;
using EvalHarness.Extensions;

namespace EvalHarness.Tests.Results;

[TestFixture]
public sealed class ResultsBuilderTests
{
    private static RunResults Build(SuiteHeader suite, IEnumerable<SampleRecord> records, string status = RunStatus.Completed) =>
        new ResultsBuilder(EvalCatalog.Core).Build(new RunLog
        {
            Header = Header(suite),
            Samples = records.ToList(),
            Footer = new LogFooter { Ended = DateTimeOffset.UnixEpoch, Status = status, Planned = 0, Completed = 0, Errored = 0 },
        });

    [Test]
    public void Errored_samples_are_counted_but_left_out_of_the_metrics()
    {
        var results = Build(Suite(samples: 4), [Record("a", 1, 1), Record("b", 1, 0), Record("c", 1, 1), Record("d", 1, null, error: "HTTP 500")]);
        var suite = results.Suites.Single();

        Assert.That(suite.Counts, Is.EqualTo(new ResultCounts(4, 3, 1, 0, 4, 1)));
        var accuracy = suite.Metrics.Single();
        Assert.That(accuracy.Value, Is.EqualTo(2.0 / 3));
        Assert.That(accuracy.N, Is.EqualTo(3));
        Assert.That((accuracy.CiLow, accuracy.CiHigh), Is.EqualTo((Intervals.Wilson(2, 3)!.Low, Intervals.Wilson(2, 3)!.High)));
        Assert.That(accuracy.CiMethod, Is.EqualTo("wilson"));
        Assert.That(results.Status, Is.EqualTo(RunStatus.Completed));
    }

    [Test]
    public void A_scorer_that_could_not_score_shrinks_n_and_is_counted_as_unscored()
    {
        var results = Build(Suite(samples: 3), [Record("a", 1, 1), Record("b", 1, null), Record("c", 1, 0)]);
        var metric = results.Suites.Single().Metrics.Single();
        Assert.That(metric.N, Is.EqualTo(2));
        Assert.That(metric.Unscored, Is.EqualTo(1));
        Assert.That(results.Suites.Single().Counts.Scored, Is.EqualTo(3), "the sample itself was answered");
    }

    [Test]
    public void Epochs_are_reduced_per_sample_before_metrics()
    {
        var suite = Suite(samples: 2, epochs: 3, reducer: "mode");
        var results = Build(suite, [Record("a", 1, 1), Record("a", 2, 0), Record("a", 3, 1), Record("b", 1, 0), Record("b", 2, 0), Record("b", 3, 1)]);
        var metric = results.Suites.Single().Metrics.Single();
        Assert.That(metric.N, Is.EqualTo(2), "samples, not sample-epochs, are the unit of the interval");
        Assert.That(metric.Value, Is.EqualTo(0.5));
    }

    [Test]
    public void Missing_epochs_leave_a_sample_pending_and_the_run_incomplete()
    {
        var results = Build(Suite(samples: 2, epochs: 2), [Record("a", 1, 1), Record("a", 2, 1), Record("b", 1, 1)], RunStatus.Interrupted);
        Assert.That(results.Suites.Single().Counts, Is.EqualTo(new ResultCounts(2, 1, 0, 1, 3, 0)));
        Assert.That(results.Status, Is.EqualTo(RunStatus.Incomplete));
    }

    [Test]
    public void Groups_restrict_metrics_to_samples_with_that_metadata_value()
    {
        var suite = Suite(samples: 4, groupBy: "category");
        var results = Build(suite,
        [
            Record("a", 1, 1, metadata: new() { ["category"] = "x" }),
            Record("b", 1, 0, metadata: new() { ["category"] = "x" }),
            Record("c", 1, 1, metadata: new() { ["category"] = "y" }),
            Record("d", 1, 1),
        ]);
        var groups = results.Suites.Single().Groups;
        Assert.That(groups.Select(g => (g.Key, g.Value)), Is.EqualTo(new[] { ("category", "x"), ("category", "y") }));
        Assert.That(groups[0].Metrics.Single().Value, Is.EqualTo(0.5));
        Assert.That(groups[0].Counts.Samples, Is.EqualTo(2));
        Assert.That(groups[1].Metrics.Single().Value, Is.EqualTo(1));
    }

    [Test]
    public void Results_do_not_depend_on_the_order_records_were_written()
    {
        var suite = Suite(samples: 5) with { Scorers = [new ScorerHeader("exact", "exact", [], ["accuracy", "mean_bootstrap"])] };
        SampleRecord[] records = [Record("a", 1, 1), Record("b", 1, 0), Record("c", 1, 1), Record("d", 1, 1), Record("e", 1, 0)];
        var forward = Build(suite, records);
        var backward = Build(suite, records.Reverse());
        Assert.That(backward.Suites.Single().Metrics, Is.EqualTo(forward.Suites.Single().Metrics));
    }
}
