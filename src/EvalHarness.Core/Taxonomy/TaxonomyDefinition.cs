using EvalHarness.Extensions;

namespace EvalHarness.Taxonomy;

/// <summary>
/// A taxonomy samples are tagged with under one metadata key (risk, perspective): suites may only use
/// its entries, spelt as id or as either label, and results are broken down by it.
/// </summary>
public sealed record TaxonomyDefinition(string Name, string Description, IReadOnlyList<TaxonomyEntry> Entries) : IExtension
{
    /// <summary>The AI Basic Plan's risks, under <c>risk</c>.</summary>
    public static TaxonomyDefinition Risks { get; } = new(Suites.MetadataKeys.Risk, "risks named in Japan's AI Basic Plan (Cabinet decision, 23 December 2025)", RiskCategories.All);

    /// <summary>J-AISI's ten evaluation perspectives, under <c>perspective</c>.</summary>
    public static TaxonomyDefinition Perspectives { get; } = new(Suites.MetadataKeys.Perspective, "J-AISI's ten evaluation perspectives on AI safety", Taxonomy.Perspectives.All);

    /// <summary>Japanese-language quality, under <c>quality</c>: reported beside the risks, not as one.</summary>
    public static TaxonomyDefinition Quality { get; } = new(QualityCategories.MetadataKey, "language quality, reported beside the risks", QualityCategories.All);

    /// <summary>The entry <paramref name="value"/> names by id or by either label (J-AISI's own data uses the Japanese label).</summary>
    public TaxonomyEntry? Find(string value) => TaxonomyLookup.Find(Entries, value);
}
