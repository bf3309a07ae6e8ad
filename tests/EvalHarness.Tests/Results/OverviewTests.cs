using EvalHarness.Logs;
using EvalHarness.Metrics;
using EvalHarness.Results;
using EvalHarness.Scoring;
using static EvalHarness.Tests.Logs.RunLogTests;
using EvalHarness.Extensions;

namespace EvalHarness.Tests.Results;

[TestFixture]
public sealed class OverviewTests
{
    private static SampleRecord Scored(string id, params (string Scorer, double Value)[] scores) => Record(id, 1, 1, metadata: new() { ["risk"] = "hallucination" }) with
    {
        Scores = scores.ToDictionary(s => s.Scorer, s => new Score { Value = s.Value }),
    };

    [Test]
    public void Only_pass_fail_scorers_count_towards_the_overview_pass_rate()
    {
        var suite = Suite(samples: 2) with
        {
            Scorers =
            [
                new ScorerHeader("exact", "exact", [], ["accuracy"]),
                new ScorerHeader("bleu", "bleu", [], ["mean"]),
                new ScorerHeader("rouge", "rouge", [], ["mean"]),
            ],
        };
        var log = new RunLog
        {
            Header = Header(suite),
            Samples =
            [
                // A BLEU of 0.5 on its 0-100 scale and a ROUGE similarity of 0.2 are not fractions of a pass.
                Scored("a", ("exact", 1), ("bleu", 0.5), ("rouge", 0.2)),
                Scored("b", ("exact", 0), ("bleu", 60), ("rouge", 0.9)),
            ],
            Footer = new LogFooter { Ended = DateTimeOffset.UnixEpoch, Status = RunStatus.Completed, Planned = 2, Completed = 2, Errored = 0 },
        };

        var risk = new ResultsBuilder(EvalCatalog.Core).Build(log).Overview.Risks.Single(r => r.Measured);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(risk.Id, Is.EqualTo("hallucination"));
            Assert.That(risk.Value, Is.EqualTo(0.5));
            Assert.That(risk.N, Is.EqualTo(2));
        }
    }

    [Test]
    public void A_suite_with_only_graded_scorers_measures_no_risk_in_the_overview()
    {
        var suite = Suite(samples: 1) with { Scorers = [new ScorerHeader("rouge", "rouge", [], ["mean"])] };
        var log = new RunLog
        {
            Header = Header(suite),
            Samples = [Scored("a", ("rouge", 1))],
            Footer = new LogFooter { Ended = DateTimeOffset.UnixEpoch, Status = RunStatus.Completed, Planned = 1, Completed = 1, Errored = 0 },
        };

        var risks = new ResultsBuilder(EvalCatalog.Core).Build(log).Overview.Risks;

        Assert.That(risks.Where(r => r.Measured), Is.Empty);
        Assert.That(risks.Select(r => r.Id), Is.EqualTo(EvalHarness.Taxonomy.RiskCategories.All.Select(r => r.Id)), "every risk is listed, marked not measured");
    }
}
