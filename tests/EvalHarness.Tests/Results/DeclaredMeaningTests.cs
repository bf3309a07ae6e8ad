using EvalHarness.Extensions;
using EvalHarness.Logs;
using EvalHarness.Metrics;
using EvalHarness.Results;
using EvalHarness.Scoring;
using static EvalHarness.Tests.Logs.RunLogTests;

namespace EvalHarness.Tests.Results;

/// <summary>What counts as a pass, a rate and a regression comes from what scorers declare, not from metric names.</summary>
[TestFixture]
public sealed class DeclaredMeaningTests
{
    [TestCase(ScoreDirection.HigherIsBetter, 0.2, 0.5, MetricChange.Improvement)]
    [TestCase(ScoreDirection.HigherIsBetter, 0.5, 0.2, MetricChange.Regression)]
    [TestCase(ScoreDirection.LowerIsBetter, 0.2, 0.5, MetricChange.Regression)]
    [TestCase(ScoreDirection.LowerIsBetter, 0.5, 0.2, MetricChange.Improvement)]
    [TestCase(ScoreDirection.BestAtZero, 0.1, -0.3, MetricChange.Regression)]
    [TestCase(ScoreDirection.BestAtZero, -0.4, 0.1, MetricChange.Improvement)]
    [TestCase(ScoreDirection.BestAtZero, 0.2, -0.2, MetricChange.NoChange)]
    public void A_change_is_a_regression_or_an_improvement_by_the_scorer_s_declared_direction(ScoreDirection direction, double before, double after, string expected)
    {
        var baseline = Log(direction, before);
        var candidate = Log(direction, after);
        var builder = new ResultsBuilder(EvalCatalog.Core);

        // Thirty samples moving alike: Wilcoxon finds every such change significant, so the direction alone decides.
        var delta = ComparisonBuilder.Compare(builder, candidate, builder.Build(candidate), baseline).Deltas.Single(d => d.Group is null);

        Assert.That(delta.Change, Is.EqualTo(expected));
        Assert.That(delta.Direction, Is.EqualTo(direction));
        Assert.That(delta.Proportion, Is.False, "a mean of a graded scorer is not a rate");
    }

    [Test]
    public void Only_scorers_declared_pass_fail_with_higher_better_count_towards_the_overview()
    {
        var suite = Suite(samples: 2) with
        {
            Scorers =
            [
                new ScorerHeader("verdict", "judge", [], ["mean"], ValueRange.Unit, ScoreKind.PassFail, ScoreDirection.HigherIsBetter),
                new ScorerHeader("violations", "judge", [], ["accuracy"], ValueRange.Unit, ScoreKind.PassFail, ScoreDirection.LowerIsBetter),
            ],
        };
        var log = Log(suite, ("a", [("verdict", 1.0), ("violations", 1.0)]), ("b", [("verdict", 1.0), ("violations", 0.0)]));

        var results = new ResultsBuilder(EvalCatalog.Core).Build(log);

        Assert.That(results.Overview.Risks.Single(r => r.Measured).Value, Is.EqualTo(1), "declared pass/fail counts even without 'accuracy'; a lower-is-better verdict does not");
        Assert.That(results.Suites.Single().Metrics.Select(m => (m.Scorer, m.Proportion, m.Direction)), Is.EqualTo(new[]
        {
            ("verdict", true, ScoreDirection.HigherIsBetter),
            ("violations", true, ScoreDirection.LowerIsBetter),
        }));
    }

    [Test]
    public void Logs_written_before_meanings_were_recorded_read_pass_fail_from_accuracy_and_higher_as_better()
    {
        Assert.That(new ScorerHeader("exact", "exact", [], ["accuracy"]).Meaning, Is.EqualTo(new ScoreMeaning(ScoreKind.PassFail, ScoreDirection.HigherIsBetter, null)));
        Assert.That(new ScorerHeader("bleu", "bleu", [], ["mean"], ValueRange.Percent).Meaning, Is.EqualTo(ScoreMeaning.Graded(ValueRange.Percent)));
    }

    private static RunLog Log(ScoreDirection direction, double value)
    {
        var suite = Suite(samples: 30) with
        {
            Scorers = [new ScorerHeader("bias", "bias", [], ["mean"], new ValueRange(-1, 1), ScoreKind.Graded, direction)],
        };
        return Log(suite, [.. Enumerable.Range(0, 30).Select(i => ($"s{i:00}", new[] { ("bias", value) }))]);
    }

    private static RunLog Log(SuiteHeader suite, params (string Id, (string Scorer, double Value)[] Scores)[] samples) => new()
    {
        Header = Header(suite),
        Samples = samples.Select(s => Record(s.Id, 1, 1, metadata: new() { ["risk"] = "bias" }) with
        {
            Scores = s.Scores.ToDictionary(x => x.Scorer, x => new Score { Value = x.Value }),
        }).ToList(),
        Footer = new LogFooter { Ended = DateTimeOffset.UnixEpoch, Status = RunStatus.Completed, Planned = samples.Length, Completed = samples.Length, Errored = 0 },
    };
}
