using EvalHarness.Logs;
using EvalHarness.Results;
using EvalHarness.Scoring;

namespace EvalHarness.Gating;

/// <summary>The error-rate and judge-error-rate rules.</summary>
internal static class RateCheck
{
    public static IEnumerable<RuleOutcome> Errors(ErrorRateRule rule, RunResults results)
    {
        var limit = "≤ " + GateText.Number(rule.Max);
        var scope = rule.Suite ?? "run";
        ResultCounts counts;
        if (rule.Suite is null)
        {
            counts = results.Counts;
        }
        else if (results.Suites.FirstOrDefault(s => s.Name == rule.Suite) is { } suite)
        {
            counts = suite.Counts;
        }
        else
        {
            return [new RuleOutcome(rule.Id, rule.Kind, scope, OutcomeStatus.Fail, null, limit, $"suite '{rule.Suite}' is not in this run")];
        }

        if (counts.Samples == 0)
        {
            return [new RuleOutcome(rule.Id, rule.Kind, scope, OutcomeStatus.Fail, null, limit, "no samples planned, so no error rate")];
        }

        var rate = (double)counts.Errored / counts.Samples;
        var pending = counts.Pending > 0 ? $"; {GateText.Count(counts.Pending)} not run" : string.Empty;
        var text = $"{GateText.Count(counts.Errored)} of {GateText.Count(counts.Samples)} samples errored ({GateText.Number(rate)}){pending}";
        var passed = rate <= rule.Max;
        return [new RuleOutcome(rule.Id, rule.Kind, scope, passed ? OutcomeStatus.Pass : OutcomeStatus.Fail, rate, limit, passed ? text : $"{text}, more than {GateText.Number(rule.Max)}") { Suite = rule.Suite, N = counts.Samples }];
    }

    /// <summary>Judge errors over every score a judge scorer gave or failed to give (sample × scorer): a judge failing is not the model's fault, but it leaves the result unknown.</summary>
    public static IEnumerable<RuleOutcome> JudgeErrors(JudgeErrorRateRule rule, GateContext context)
    {
        var limit = "≤ " + GateText.Number(rule.Max);
        var scope = rule.Suite ?? "run";
        var suites = context.Run.Header.Suites.Where(s => rule.Suite is null || s.Name == rule.Suite).ToList();
        if (rule.Suite is not null && suites.Count == 0)
        {
            return [new RuleOutcome(rule.Id, rule.Kind, scope, OutcomeStatus.Fail, null, limit, $"suite '{rule.Suite}' is not in this run")];
        }

        int judged = 0, errors = 0;
        foreach (var suite in suites)
        {
            var samples = context.Builder.Outcomes(suite, context.Run);
            for (var i = 0; i < suite.Scorers.Count; i++)
            {
                var isJudge = suite.Scorers[i].Roles?.Contains(ModelRole.Judge, StringComparer.Ordinal) == true;
                var scored = samples.Select(s => s.Scores[i]).Where(o => o is not null && (o.Score is not null || o.Unscorable)).ToList();
                if (isJudge || scored.Exists(o => o!.JudgeError))
                {
                    judged += scored.Count;
                    errors += scored.Count(o => o!.JudgeError);
                }
            }
        }

        if (judged == 0)
        {
            return [new RuleOutcome(rule.Id, rule.Kind, scope, OutcomeStatus.Skipped, null, limit, "no sample was scored by a judge") { Suite = rule.Suite, N = 0 }];
        }

        var rate = (double)errors / judged;
        var text = $"{GateText.Count(errors)} judge errors in {GateText.Count(judged)} judged scores ({GateText.Number(rate)})";
        var passed = rate <= rule.Max;
        return [new RuleOutcome(rule.Id, rule.Kind, scope, passed ? OutcomeStatus.Pass : OutcomeStatus.Fail, rate, limit, passed ? text : $"{text}, more than {GateText.Number(rule.Max)}") { Suite = rule.Suite, N = judged }];
    }
}
