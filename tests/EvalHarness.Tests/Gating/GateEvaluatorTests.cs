using EvalHarness.Gating;
using EvalHarness.Logs;
using EvalHarness.Results;
using EvalHarness.Scoring;
using EvalHarness.Validation;

namespace EvalHarness.Tests.Gating;

[TestFixture]
public sealed class GateEvaluatorTests
{
    private static readonly ResultsBuilder Builder = new(global::EvalHarness.Cli.Composition.Catalog);

    private static GateVerdict Evaluate(string rules, RunLog run, RunLog? baseline = null)
    {
        var diagnostics = new DiagnosticBag();
        var policy = GatePolicyReader.Parse("gate.yaml", "version: 1\nrules:\n" + rules, diagnostics);
        Assert.That(diagnostics.Items, Is.Empty);
        return GateEvaluator.Evaluate(policy!, Builder, run, baseline, DateTimeOffset.UnixEpoch);
    }

    /// <summary>A graded score below zero, as a bias score would be: -0.1 and -0.3 alternating.</summary>
    private static RunLog Negative() => GateLogs.Log("run-1", GateLogs.Samples(20).Select((r, i) => r with
    {
        Scores = new Dictionary<string, Score>(r.Scores!) { ["grade"] = new() { Value = i % 2 == 0 ? -0.1 : -0.3 } },
    }).ToList());

    [Test]
    public void Absolute_bounds_read_the_interval_of_the_absolute_value()
    {
        var run = Negative();
        var mean = Builder.Build(run).Suites[0].Metrics.Single(m => m.Scorer == "grade");

        var verdict = Evaluate("""
              - id: upper
                threshold: {scorer: grade, metric: mean, bound: upper, absolute: true, max: 0.3}
              - id: lower
                threshold: {scorer: grade, metric: mean, bound: lower, absolute: true, min: 0.2}
              - id: signed
                threshold: {scorer: grade, metric: mean, bound: upper, max: 0}
            """, run);

        Assert.That(mean.CiLow, Is.LessThan(-0.2).And.GreaterThan(-0.3), "the interval lies below zero");
        Assert.That(verdict.Outcomes[0].Observed, Is.EqualTo(-mean.CiLow!.Value).Within(1e-12), "|x| is at most |low|");
        Assert.That(verdict.Outcomes[0].Status, Is.EqualTo(OutcomeStatus.Pass));
        Assert.That(verdict.Outcomes[1].Observed, Is.EqualTo(-mean.CiHigh!.Value).Within(1e-12), "|x| is at least |high|");
        Assert.That(verdict.Outcomes[1].Status, Is.EqualTo(OutcomeStatus.Fail));
        Assert.That(verdict.Outcomes[2].Observed, Is.EqualTo(mean.CiHigh.Value).Within(1e-12));
        Assert.That(verdict.Passed, Is.False);
    }

    [Test]
    public void An_absolute_lower_bound_is_zero_when_the_interval_holds_zero()
    {
        var run = GateLogs.Log("run-1", GateLogs.Samples(20).Select((r, i) => r with
        {
            Scores = new Dictionary<string, Score>(r.Scores!) { ["grade"] = new() { Value = i % 2 == 0 ? -0.5 : 0.5 } },
        }).ToList());

        var verdict = Evaluate("  - id: lower\n    threshold: {scorer: grade, metric: mean, bound: lower, absolute: true, max: 0.01}\n", run);

        Assert.That(verdict.Outcomes.Single().Observed, Is.Zero);
        Assert.That(verdict.Passed, Is.True);
    }

    [Test]
    public void An_overview_threshold_fails_an_entry_it_names_that_the_run_does_not_measure()
    {
        var verdict = Evaluate("  - id: risks\n    threshold: {overview: risk, ids: [hallucination, privacy], bound: lower, min: 0.5}\n", GateLogs.Log("run-1", GateLogs.Samples(20)));

        Assert.That(verdict.Outcomes.Select(o => (o.Group, o.Status)), Is.EqualTo(new[] { ("hallucination", OutcomeStatus.Pass), ("privacy", OutcomeStatus.Fail) }));
        Assert.That(verdict.Outcomes[1].Reason, Does.Contain("not measured"));
    }

    [Test]
    public void Failed_samples_are_listed_for_a_failing_pass_fail_threshold_within_its_group()
    {
        var run = GateLogs.Log("run-1", GateLogs.Samples(20, failing: [1, 2, 15], category: i => i < 10 ? "a" : "b"));

        var verdict = Evaluate("  - id: floor\n    threshold: {scorer: pass, metric: accuracy, min: 0.95, per: category}\n", run);

        var a = verdict.Outcomes.Single(o => o.Group == "category = a");
        Assert.That(a.FailedSamples!.Select(s => s.Id), Is.EqualTo(new[] { "s001", "s002" }));
        Assert.That(a.FailedSamplesTotal, Is.EqualTo(2));
        Assert.That(a.FailedSamples![0].Explanation, Is.EqualTo("did not match"));
        Assert.That(verdict.Outcomes.Single(o => o.Group == "category = b").FailedSamples!.Select(s => s.Id), Is.EqualTo(new[] { "s015" }));
    }

    [Test]
    public void Non_regression_fails_a_suite_the_candidate_dropped_and_skips_one_it_added()
    {
        var s = GateLogs.Samples(20);
        var t = GateLogs.Samples(20).Select(r => r with { Suite = "t" }).ToList();
        RunLog Run(string id, params (SuiteHeader Suite, List<SampleRecord> Records)[] suites) => new()
        {
            Header = Tests.Logs.RunLogTests.Header([.. suites.Select(x => x.Suite with { Samples = x.Records.Count })]) with { RunId = id },
            Samples = [.. suites.SelectMany(x => x.Records)],
            Footer = new LogFooter { Ended = DateTimeOffset.UnixEpoch, Status = RunStatus.Completed, Planned = 40, Completed = 40, Errored = 0 },
        };
        var both = Run("both", (GateLogs.Suite(), s), (GateLogs.Suite() with { Name = "t" }, t));
        var onlyS = Run("only-s", (GateLogs.Suite(), s));

        var dropped = Evaluate("  - id: keep\n    non_regression: {scorer: pass}\n", onlyS, baseline: both);
        var added = Evaluate("  - id: keep\n    non_regression: {scorer: pass}\n", both, baseline: onlyS);

        Assert.That(dropped.Outcomes.Single(o => o.Scope == "t").Reason, Is.EqualTo("suite t is in the baseline but not in this run"));
        Assert.That(dropped.Passed, Is.False);
        Assert.That(added.Outcomes.Single(o => o.Scope == "t").Status, Is.EqualTo(OutcomeStatus.Skipped));
        Assert.That(added.Passed, Is.True);
    }
}
