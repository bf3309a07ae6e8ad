using System.Text.Json.Nodes;

namespace EvalHarness.Risk.Hallucination;

/// <summary>
/// The names a TruthfulQA-format field goes by: TruthfulQA's CSV header (<c>Best Answer</c>), JTruthfulQA's
/// (<c>Original Answer</c> for the human answer), the Hugging Face exports (<c>best_answer</c>) and Japanese
/// headers a translated copy may carry. Matched ignoring case, spaces and underscores.
/// </summary>
internal static class TruthfulQaColumns
{
    public static readonly string[] Question = ["Question", "質問", "問題"];
    public static readonly string[] Best = ["Best Answer", "Original Answer", "最良の回答", "模範解答", "ベストアンサー"];
    public static readonly string[] Correct = ["Correct Answers", "正しい回答", "正答", "正解"];
    public static readonly string[] Incorrect = ["Incorrect Answers", "誤った回答", "誤答", "不正解"];
    public static readonly string[] BestIncorrect = ["Best Incorrect Answer"];
    public static readonly string[] Type = ["Type", "種類", "タイプ"];
    public static readonly string[] Category = ["Category", "カテゴリ", "カテゴリー", "分類"];
    public static readonly string[] Source = ["Source", "出典"];
    public static readonly string[] Id = ["id"];

    /// <summary>The record's own name for a field, or null when it has none of the names.</summary>
    public static string? Find(JsonObject fields, string[] names)
    {
        foreach (var (key, _) in fields)
        {
            var folded = Fold(key);
            if (names.Any(n => Fold(n) == folded))
            {
                return key;
            }
        }

        return null;
    }

    private static string Fold(string name) => name.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
}
