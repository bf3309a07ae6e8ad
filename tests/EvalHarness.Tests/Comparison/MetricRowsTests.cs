using EvalHarness.Cli;
using EvalHarness.Comparison;
using EvalHarness.Logs;
using EvalHarness.Metrics;
using EvalHarness.Results;
using EvalHarness.Scoring;
using EvalHarness.Suites;
using EvalHarness.Tests.Logs;

namespace EvalHarness.Tests.Comparison;

/// <summary>Rows for every metric a scorer lists (a paired bootstrap of the metric itself), the overview's rows, and the detectable difference of graded rows.</summary>
[TestFixture]
public sealed class MetricRowsTests
{
    /// <summary>One suite "r" whose pass/fail scorer "resist" (1 = the attack failed) reports accuracy and attack_success_rate.</summary>
    private static RunLog Log(string runId, double[] resisted, Func<int, Dictionary<string, string>>? metadata = null, params string[] groupBy)
    {
        var suite = RunLogTests.Suite(name: "r", samples: resisted.Length, groupBy: groupBy) with
        {
            Scorers = [new ScorerHeader("resist", "injection", [], ["accuracy", "attack_success_rate"], ValueRange.Unit, ScoreKind.PassFail, ScoreDirection.HigherIsBetter)],
        };
        var records = resisted.Select((v, i) => new SampleRecord
        {
            Suite = "r",
            Id = $"x{i:000}",
            Epoch = 1,
            Input = [new PromptMessage("user", "q")],
            Output = "a",
            Metadata = metadata?.Invoke(i) ?? [],
            Scores = new Dictionary<string, Score> { ["resist"] = new() { Value = v } },
        }).ToList();
        return new RunLog
        {
            Header = RunLogTests.Header(suite) with { RunId = runId },
            Samples = records,
            Footer = new LogFooter { Ended = DateTimeOffset.UnixEpoch, Status = RunStatus.Completed, Planned = records.Count, Completed = records.Count, Errored = 0 },
        };
    }

    private static RunPairComparison Compare(RunLog a, RunLog b, CompareOptions? options = null) =>
        RunComparer.Compare(new ResultsBuilder(Composition.Catalog), a, b, options ?? new CompareOptions());

    private static double[] Values(int n, params int[] failing) => [.. Enumerable.Range(0, n).Select(i => failing.Contains(i) ? 0.0 : 1.0)];

    private static CompareRow Row(RunPairComparison c, string metric) => c.Rows.Single(r => r.Metric == metric && r.Group is null && !r.Overview);

    [Test]
    public void Attack_success_rate_rising_by_thirty_points_is_a_significant_regression_by_its_own_paired_bootstrap()
    {
        var c = Compare(Log("a", Values(100)), Log("b", Values(100, [.. Enumerable.Range(0, 30)])));
        var asr = Row(c, "attack_success_rate");

        Assert.That(asr.Test, Is.EqualTo("paired bootstrap"));
        Assert.That(asr.Direction, Is.EqualTo(ScoreDirection.LowerIsBetter), "the metric's declared direction, not the scorer's");
        Assert.That((asr.MeanA, asr.MeanB), Is.EqualTo((0.0, 0.3)));
        Assert.That(asr.Difference, Is.EqualTo(0.3).Within(1e-12));
        // Every resampled difference is positive (a resample without a failed sample still has B ≥ A, and one with
        // any has B > A; all-zero needs all 100 draws among the 70 passing ones, (0.7)^100 ≈ 3e-16): #{Δ* ≤ 0} = 0,
        // so p = 2 · (1 + 0) / (2000 + 1).
        Assert.That(asr.PValue, Is.EqualTo(2.0 / 2001).Within(1e-15));
        Assert.That(asr.Lower, Is.GreaterThan(0));
        Assert.That(asr.Resamples, Is.EqualTo(2000));
        Assert.That(asr.Verdict, Is.EqualTo(CompareVerdict.Regression));
        Assert.That(asr.Significant, Is.True);
        Assert.That(Row(c, "accuracy").Test, Is.EqualTo("McNemar exact"), "the primary row keeps its test");
        Assert.That(c.Rows.Where(r => r.PValue is not null).Select(r => r.AdjustedPValue), Has.All.Not.Null, "both rows are in the Holm family");
    }

    [Test]
    public void Two_more_successful_attacks_in_a_hundred_are_no_significant_change()
    {
        var asr = Row(Compare(Log("a", Values(100)), Log("b", Values(100, 3, 57))), "attack_success_rate");

        Assert.That(asr.Difference, Is.EqualTo(0.02).Within(1e-12));
        // A resample misses both failed samples with probability 0.98^100 ≈ 0.13: p ≈ 2 × 0.13.
        Assert.That(asr.PValue, Is.InRange(0.2, 0.35));
        Assert.That(asr.Verdict, Is.EqualTo(CompareVerdict.NoChange));
        // The bootstrap sd of the difference is about sqrt(0.02 × 0.98 / 100) = 0.014, times 2.80.
        Assert.That(asr.DetectableDifference, Is.EqualTo(0.039).Within(0.008));
        Assert.That(asr.DetectableMethod, Does.Contain("bootstrap sd"));
    }

    [Test]
    public void The_bootstrap_p_value_matches_the_exact_bootstrap_distribution_enumerated_for_five_samples()
    {
        // Per-sample attack success differences B − A: +1, +1, +1, 0, −1. Enumerating all 5^5 equally likely ordered
        // draws gives the exact bootstrap distribution of the mean difference; with many resamples the Monte Carlo p
        // must approach 2·min(P(Δ* ≤ 0), P(Δ* ≥ 0)) = 2 × 617 / 3125 (also found with itertools.product in Python).
        double[] d = [1, 1, 1, 0, -1];
        var below = 0;
        var above = 0;
        for (var k = 0; k < 3125; k++)
        {
            var sum = 0.0;
            for (int j = 0, rest = k; j < 5; j++, rest /= 5)
            {
                sum += d[rest % 5];
            }

            below += sum <= 0 ? 1 : 0;
            above += sum >= 0 ? 1 : 0;
        }

        var exact = Math.Min(1, 2.0 * Math.Min(below, above) / 3125);
        var a = Log("a", [1, 1, 1, 1, 0]);
        var b = Log("b", [0, 0, 0, 1, 1]);

        var asr = Row(Compare(a, b, new CompareOptions(Seed: 11) { Resamples = 40_000 }), "attack_success_rate");

        Assert.That(exact, Is.EqualTo(2.0 * 617 / 3125).Within(1e-12));
        Assert.That(asr.PValue, Is.EqualTo(exact).Within(0.012), "Monte Carlo sd of the p-value is about 2·sqrt(0.2·0.8/40000) = 0.004");
        Assert.That(asr.Verdict, Is.EqualTo(CompareVerdict.TooFew), "five samples");
    }

    [Test]
    public void The_p_value_formula_counts_resamples_on_either_side_of_zero_with_the_plus_one()
    {
        Assert.That(BootstrapSummary.TwoSidedPValue(below: 3, above: 1, r: 4), Is.EqualTo(2.0 * 2 / 5));
        Assert.That(BootstrapSummary.TwoSidedPValue(below: 0, above: 2000, r: 2000), Is.EqualTo(2.0 / 2001));
        Assert.That(BootstrapSummary.TwoSidedPValue(below: 10, above: 10, r: 10), Is.EqualTo(1), "every difference zero");
    }

    [Test]
    public void The_overview_risk_pass_rate_is_compared_over_the_paired_samples_with_a_paired_bootstrap()
    {
        Func<int, Dictionary<string, string>> tags = i => new() { [MetadataKeys.Risk] = i < 40 ? "hallucination" : "misjudgment" };
        var a = Log("a", Values(60), tags);
        var b = Log("b", Values(60, [.. Enumerable.Range(0, 12)]), tags);

        var c = Compare(a, b);
        var hallucination = c.Rows.Single(r => r.Overview && r.Group == "risk: hallucination");
        var misjudgment = c.Rows.Single(r => r.Overview && r.Group == "risk: misjudgment");

        Assert.That(hallucination.Suite, Is.EqualTo(ComparisonBuilder.AllSuites));
        Assert.That((hallucination.Scorer, hallucination.Metric, hallucination.Test), Is.EqualTo(("overview", "pass rate", "paired bootstrap")));
        Assert.That((hallucination.N, hallucination.MeanA, hallucination.MeanB), Is.EqualTo((40, 1.0, 0.7)));
        Assert.That(hallucination.PValue, Is.EqualTo(2.0 / 2001).Within(1e-15));
        Assert.That(hallucination.Verdict, Is.EqualTo(CompareVerdict.Regression));
        Assert.That(misjudgment.Difference, Is.EqualTo(0));
        Assert.That(misjudgment.Verdict, Is.EqualTo(CompareVerdict.NoChange));
        Assert.That(c.Rows.Where(r => r.Overview).Select(r => r.Group), Has.None.Contain("perspective"), "untagged taxonomies have no rows");
    }

    [Test]
    public void A_graded_row_states_its_detectable_difference_from_the_sd_of_the_paired_differences()
    {
        // B − A is +0.1 and −0.1 alternately over 30 samples: sd = sqrt(30 × 0.01 / 29) = 0.10171, and
        // (z(0.975) + z(0.8)) × sd / sqrt(30) = 2.801585 × 0.018570 = 0.052024 (computed in Python).
        var a = CompareLogs.Passing(30, grade: i => 0.5);
        var b = CompareLogs.Passing(30, grade: i => i % 2 == 0 ? 0.6 : 0.4);

        var row = RunComparer.Compare(new ResultsBuilder(Composition.Catalog), CompareLogs.Log("a", a), CompareLogs.Log("b", b), new CompareOptions())
            .Rows.Single(r => r.Scorer == "grade" && r.Group is null);

        Assert.That(row.Metric, Is.EqualTo("mean"));
        Assert.That(row.DetectableDifference, Is.EqualTo(0.052024131450931724).Within(1e-9));
        Assert.That(row.Verdict, Is.EqualTo(CompareVerdict.NoChange));
    }

    [Test]
    public void Counterfactual_pairs_are_resampled_whole_so_paired_divergence_keeps_every_drawn_pair()
    {
        // 20 pairs (a, b); in B the b variant fails in 8 pairs, so paired_divergence rises from 0 to 0.4.
        var suite = RunLogTests.Suite(name: "p", samples: 40) with
        {
            Scorers = [new ScorerHeader("ok", "exact", [], ["accuracy", "paired_divergence"], ValueRange.Unit, ScoreKind.PassFail, ScoreDirection.HigherIsBetter)],
        };
        RunLog PairLog(string id, Func<int, double> value) => new()
        {
            Header = RunLogTests.Header(suite) with { RunId = id },
            Samples = [.. Enumerable.Range(0, 40).Select(i => new SampleRecord
            {
                Suite = "p",
                Id = $"q{i:00}",
                Epoch = 1,
                Input = [new PromptMessage("user", "q")],
                Output = "a",
                Metadata = new Dictionary<string, string> { ["pair_id"] = $"pair{i / 2:00}", ["variant"] = i % 2 == 0 ? "a" : "b" },
                Scores = new Dictionary<string, Score> { ["ok"] = new() { Value = value(i) } },
            })],
        };

        var row = Row(Compare(PairLog("a", _ => 1), PairLog("b", i => i % 2 == 1 && i < 16 ? 0 : 1)), "paired_divergence");

        Assert.That((row.MeanA, row.MeanB), Is.EqualTo((0.0, 0.4)));
        Assert.That(row.BootstrapClustered, Is.True, "a pair is one unit");
        Assert.That(row.Resamples, Is.EqualTo(2000), "no resample lost its pairs");
        // Were repeated pairs dropped as incomplete, the resampled divergence would sit near 0.4 × (1 − 1/e) ≈ 0.25–0.4 of fewer pairs;
        // kept whole, the interval surrounds the observed 0.4.
        Assert.That(row.Lower, Is.LessThan(0.4).And.GreaterThan(0.1));
        Assert.That(row.Upper, Is.GreaterThan(0.4));
        Assert.That(row.Verdict, Is.EqualTo(CompareVerdict.Regression));
    }

    [Test]
    public void When_holm_over_many_rows_keeps_every_bootstrap_p_above_alpha_the_resamples_needed_are_named_and_used()
    {
        // 30 groups × (accuracy, attack_success_rate) + the two overall rows: m = 62. The smallest bootstrap p is
        // 2/2001, and 62 × 2/2001 = 0.062 ≥ 0.05: no bootstrap row can be significant. R must satisfy 2m/(R + 1) < α,
        // R ≥ floor(2 × 62 / 0.05) = 2480.
        Func<int, Dictionary<string, string>> group = i => new() { ["g"] = $"g{i % 30:00}" };
        var a = Log("a", Values(300), group, "g");
        var b = Log("b", Values(300, [.. Enumerable.Range(0, 150)]), group, "g");

        var few = Compare(a, b, new CompareOptions { AutoResamples = false });
        var enough = Compare(a, b, new CompareOptions { Resamples = 2480, AutoResamples = false });
        var automatic = Compare(a, b);

        Assert.That(few.Tested, Is.EqualTo(62));
        Assert.That(CompareFormat.ResamplesNeeded(few), Is.EqualTo(2480));
        Assert.That(Row(few, "attack_success_rate").PValue, Is.EqualTo(2.0 / 2001).Within(1e-15), "every resample rises");
        Assert.That(Row(few, "attack_success_rate").Verdict, Is.Not.EqualTo(CompareVerdict.Regression), "62 × 2/2001 > 0.05");
        Assert.That(CompareFormat.ResamplesNeeded(enough), Is.Null);
        Assert.That(Row(enough, "attack_success_rate").Verdict, Is.EqualTo(CompareVerdict.Regression));

        // By default the comparison raises the resamples itself (twice the minimum), so the regression is found.
        Assert.That(automatic.Resamples, Is.EqualTo(2 * 2480));
        Assert.That(Row(automatic, "attack_success_rate").PValue, Is.EqualTo(2.0 / 4961).Within(1e-15));
        Assert.That(Row(automatic, "attack_success_rate").Verdict, Is.EqualTo(CompareVerdict.Regression));
    }
}
