using EvalHarness.Comparison;
using EvalHarness.Logs;
using EvalHarness.Results;

namespace EvalHarness.Gating;

/// <summary>
/// Evaluates a policy against a run (and a baseline run for non-regression rules). Every number comes from the
/// logs, derived the way results.json and <c>evalh compare</c> derive it; a rule that finds nothing to check fails
/// rather than passing unseen.
/// </summary>
public static class GateEvaluator
{
    /// <summary>Failed samples listed per failing threshold; the verdict says how many there were in all.</summary>
    public const int MaxFailedSamples = 50;

    public static GateVerdict Evaluate(GatePolicy policy, ResultsBuilder builder, RunLog run, RunLog? baseline, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(run);
        var context = new GateContext(builder, run, builder.Build(run), baseline, policy);
        var outcomes = new List<RuleOutcome>();
        foreach (var rule in policy.Rules)
        {
            outcomes.AddRange(rule switch
            {
                ThresholdRule t => ThresholdCheck.Evaluate(t, context),
                NonRegressionRule r => RegressionCheck.Evaluate(r, context),
                CoverageRule c => CoverageCheck.Evaluate(c, context.Results),
                ErrorRateRule e => RateCheck.Errors(e, context.Results),
                JudgeErrorRateRule j => RateCheck.JudgeErrors(j, context),
                _ => throw new InvalidOperationException($"rule kind {rule.Kind} has no evaluation"),
            });
        }

        return new GateVerdict
        {
            Passed = !outcomes.Exists(o => o.Failed),
            Policy = policy.File,
            PolicySha256 = policy.Sha256,
            RunId = run.Header.RunId,
            Model = run.Header.Model.Spec,
            RunStatus = context.Results.Status,
            LogRecords = run.Samples.Count,
            BaselineRunId = baseline?.Header.RunId,
            BaselineModel = baseline?.Header.Model.Spec,
            Alpha = policy.Alpha,
            Correction = GateText.Correction(policy.Correction),
            Evaluated = now,
            Outcomes = outcomes,
        };
    }
}
