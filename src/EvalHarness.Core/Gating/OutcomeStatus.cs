namespace EvalHarness.Gating;

/// <summary>What became of one rule evaluation, as written in verdicts.</summary>
public static class OutcomeStatus
{
    public const string Pass = "pass";
    public const string Fail = "fail";

    /// <summary>Nothing to check and the policy allows that (a non-regression rule with an optional baseline and none given; a run with no judge).</summary>
    public const string Skipped = "skipped";
}
