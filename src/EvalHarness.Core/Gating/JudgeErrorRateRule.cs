namespace EvalHarness.Gating;

/// <summary>
/// At most this share of the judged scores (sample × judge scorer, of <see cref="Suite"/> or of the run) are judge
/// errors: the judge failed or gave no verdict.
/// </summary>
public sealed record JudgeErrorRateRule(string Id, string? Description, double Max, string? Suite) : GateRule(Id, Description)
{
    public override string Kind => "judge_error_rate";
}
