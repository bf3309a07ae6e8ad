namespace EvalHarness.Gating;

/// <summary>Each listed risk, perspective and quality category has at least <see cref="MinSamples"/> scored samples tagged with it.</summary>
public sealed record CoverageRule(
    string Id,
    string? Description,
    IReadOnlyList<string> Risks,
    IReadOnlyList<string> Perspectives,
    IReadOnlyList<string> Quality,
    int MinSamples) : GateRule(Id, Description)
{
    public override string Kind => "coverage";
}
