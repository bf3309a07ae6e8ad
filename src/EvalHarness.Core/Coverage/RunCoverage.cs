namespace EvalHarness.Coverage;

/// <summary>
/// Coverage of the Plan's risks, J-AISI's perspectives and Japanese-language quality by a set of suites or a
/// run: every entry of each taxonomy, covered or not, in the taxonomy's order.
/// </summary>
public sealed record RunCoverage
{
    public static RunCoverage Empty { get; } = new();

    /// <summary>The suites counted, in order.</summary>
    public IReadOnlyList<string> Suites { get; init; } = [];

    /// <summary>Samples counted, tagged or not.</summary>
    public int Samples { get; init; }

    /// <summary>Of those, the ones the run scored; null when counting suites rather than a run.</summary>
    public int? Scored { get; init; }

    public IReadOnlyList<CoverageEntry> Risks { get; init; } = [];

    public IReadOnlyList<CoverageEntry> Perspectives { get; init; } = [];

    public IReadOnlyList<CoverageEntry> Quality { get; init; } = [];

    /// <summary>Ids of the risks no sample is tagged with.</summary>
    public IReadOnlyList<string> NotCoveredRisks => Risks.Where(r => !r.Covered).Select(r => r.Id).ToList();

    /// <summary>Ids of the perspectives no sample is tagged with.</summary>
    public IReadOnlyList<string> NotCoveredPerspectives => Perspectives.Where(p => !p.Covered).Select(p => p.Id).ToList();
}
