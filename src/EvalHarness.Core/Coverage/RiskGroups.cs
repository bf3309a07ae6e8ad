using EvalHarness.Taxonomy;

namespace EvalHarness.Coverage;

/// <summary>The Plan's three kinds of risk (Chapter 1, "Mitigating risks", paragraph 1).</summary>
public static class RiskGroups
{
    public static IReadOnlyList<TaxonomyEntry> All { get; } =
    [
        new("technical", "Technical risks", "技術的リスク"),
        new("social", "Social risks", "社会的リスク"),
        new("national_security", "National security risks", "安全保障上のリスク"),
    ];
}
