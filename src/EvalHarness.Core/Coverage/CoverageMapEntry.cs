namespace EvalHarness.Coverage;

/// <summary>One risk, perspective or quality category of the coverage map.</summary>
/// <param name="Group">A risk's group in the Plan (<see cref="RiskGroups"/>); null for the others.</param>
/// <param name="Plan">Where the Plan names it; empty for J-AISI's perspectives, which the Plan does not list.</param>
/// <param name="Perspectives">For a risk, the J-AISI perspectives it falls under.</param>
/// <param name="Suites">The bundled suites designed to measure it.</param>
/// <param name="Note">Why nothing covers it, or what else a reader should know.</param>
public sealed record CoverageMapEntry(
    string Id,
    string? Group,
    IReadOnlyList<PlanSection> Plan,
    IReadOnlyList<string> Perspectives,
    IReadOnlyList<DesignedSuite> Suites,
    string? Note);
