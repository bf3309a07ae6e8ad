namespace EvalHarness.Gating;

/// <summary>One rule of a policy; each kind says what of a run it checks.</summary>
public abstract record GateRule(string Id, string? Description)
{
    /// <summary>The rule kind as written in verdicts: threshold, non_regression, coverage, error_rate, judge_error_rate.</summary>
    public abstract string Kind { get; }
}
