namespace EvalHarness.Taxonomy;

/// <summary>
/// What a suite measures that is not a risk: the quality of the model's Japanese. Reported beside the
/// Basic Plan's risks, never inside them, so that keigo or translation items are not read as evidence
/// about inappropriate output or robustness. Suites tag samples with the id in <c>quality</c>.
/// </summary>
public static class QualityCategories
{
    /// <summary>The metadata key samples carry the id under.</summary>
    public const string MetadataKey = "quality";

    public static IReadOnlyList<TaxonomyEntry> All { get; } =
    [
        new("japanese_language", "Japanese-language quality", "日本語の品質"),
    ];

    public static TaxonomyEntry? Find(string value) => TaxonomyLookup.Find(All, value);
}
