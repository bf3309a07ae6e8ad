namespace EvalHarness.Gating;

/// <summary>At most this share of the planned samples (of <see cref="Suite"/>, or of the run) errored.</summary>
public sealed record ErrorRateRule(string Id, string? Description, double Max, string? Suite) : GateRule(Id, Description)
{
    public override string Kind => "error_rate";
}
