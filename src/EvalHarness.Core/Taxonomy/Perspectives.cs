namespace EvalHarness.Taxonomy;

/// <summary>
/// The ten evaluation perspectives of J-AISI's Guide to Evaluation Perspectives on AI Safety, in the
/// guide's order. Suites tag samples with the id in <c>perspective</c>.
/// </summary>
public static class Perspectives
{
    public static IReadOnlyList<TaxonomyEntry> All { get; } =
    [
        new("toxic_output", "Control of toxic output", "有害情報の出力制御"),
        new("misinformation", "Prevention of misinformation, disinformation and manipulation", "偽誤情報の出力・誘導の防止"),
        new("fairness", "Fairness and inclusion", "公平性と包摂性"),
        new("high_risk_use", "Addressing high-risk and unintended use", "ハイリスク利用・目的外利用への対処")
        {
            // aisev's own English name, and the truncated form its code compares with (so its data uses that one).
            OtherSpellings = ["Addressing High-risk Use and Unintended Use", "Addressing High-risk Use and Unintended Us"],
        },
        new("privacy", "Privacy protection", "プライバシー保護"),
        new("security", "Ensuring security", "セキュリティ確保"),
        new("explainability", "Explainability", "説明可能性"),
        new("robustness", "Robustness", "ロバスト性"),
        new("data_quality", "Data quality", "データ品質"),
        new("verifiability", "Verifiability", "検証可能性"),
    ];

    /// <summary>Finds a perspective by id or by either label (J-AISI's own data uses the Japanese label).</summary>
    public static TaxonomyEntry? Find(string value) => TaxonomyLookup.Find(All, value);
}
