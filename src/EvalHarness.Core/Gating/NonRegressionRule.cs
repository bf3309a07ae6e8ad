namespace EvalHarness.Gating;

/// <summary>
/// No change for the worse against a baseline run, scorer by scorer (as <c>evalh compare</c> pairs them): no
/// significant regression after the policy's correction (<see cref="Significant"/>) and/or no change in the bad
/// direction larger than <see cref="MaxDifference"/>.
/// </summary>
/// <param name="BaselineRequired">When false, the rule is skipped (not failed) without a baseline run.</param>
public sealed record NonRegressionRule(
    string Id,
    string? Description,
    string? Suite,
    string? Scorer,
    bool Significant,
    double? MaxDifference,
    string? Per,
    int MinSamples,
    bool BaselineRequired) : GateRule(Id, Description)
{
    public override string Kind => "non_regression";
}
