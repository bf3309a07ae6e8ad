namespace EvalHarness.Coverage;

/// <summary>
/// What a set of suites (or a run) holds for one risk, perspective or quality category: the samples tagged
/// with it, by language and suite, beside what the coverage map says about it (where the Plan names it, its
/// perspectives, the suites designed for it).
/// </summary>
public sealed record CoverageEntry(string Id, string English, string Japanese)
{
    /// <summary>A risk's group in the Plan (technical, social, national_security).</summary>
    public string? Group { get; init; }

    public IReadOnlyList<PlanSection> Plan { get; init; } = [];

    /// <summary>For a risk: the J-AISI perspectives it falls under.</summary>
    public IReadOnlyList<string> Perspectives { get; init; } = [];

    /// <summary>For a perspective: the risks the map puts under it.</summary>
    public IReadOnlyList<string> Risks { get; init; } = [];

    /// <summary>The bundled suites the map names as designed to measure it.</summary>
    public IReadOnlyList<DesignedSuite> Designed { get; init; } = [];

    public string? Note { get; init; }

    /// <summary>Samples tagged with it: only a sample's own tag counts.</summary>
    public int Samples { get; init; }

    /// <summary>Of those, the ones the run scored; null when counting suites rather than a run.</summary>
    public int? Scored { get; init; }

    public IReadOnlyList<CoverageCount> Languages { get; init; } = [];

    public IReadOnlyList<CoverageSuite> Suites { get; init; } = [];

    /// <summary>At least one sample is tagged with it.</summary>
    public bool Covered => Samples > 0;
}
