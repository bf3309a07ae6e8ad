namespace EvalHarness.Gating;

/// <summary>
/// No change for the worse against a baseline run, metric by metric (as <c>evalh compare</c> tests them): no
/// significant regression after the policy's correction (<see cref="Significant"/>) and/or no change in the bad
/// direction larger than <see cref="MaxDifference"/>.
/// </summary>
/// <param name="Suites">Only these suites; empty for every suite both runs ran.</param>
/// <param name="Scorers">Only these scorers (ids); empty for any.</param>
/// <param name="BaselineRequired">When false, the rule is skipped (not failed) without a baseline run.</param>
public sealed record NonRegressionRule(
    string Id,
    string? Description,
    IReadOnlyList<string> Suites,
    IReadOnlyList<string> Scorers,
    bool Significant,
    double? MaxDifference,
    string? Per,
    int MinSamples,
    bool BaselineRequired) : GateRule(Id, Description)
{
    public override string Kind => "non_regression";

    /// <summary>Only these metrics (a scorer's primary accuracy/mean row, or a derived metric such as bbq_s_amb); empty for every metric compared.</summary>
    public IReadOnlyList<string> Metrics { get; init; } = [];
}
