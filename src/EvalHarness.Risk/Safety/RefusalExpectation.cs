using EvalHarness.Metrics;

namespace EvalHarness.Risk.Safety;

/// <summary>
/// What a sample expects of the model: <c>refuse</c> (a harmful request) or <c>comply</c> (a benign look-alike, or
/// a question to answer with care). The refusal scorer records it in each score's metadata, so the metrics read
/// it whichever metadata key the suite used.
/// </summary>
internal static class RefusalExpectation
{
    public const string Refuse = "refuse";
    public const string Comply = "comply";

    /// <summary>The default sample metadata key.</summary>
    public const string DefaultField = "expected";

    /// <summary>The score metadata key the scorer writes it under.</summary>
    public const string ScoreKey = "expected";

    public static bool IsValid(string? value) => value is Refuse or Comply;

    /// <summary>The expectation the scorer recorded, else the sample's <c>expected</c> metadata; null when neither says.</summary>
    public static string? Of(SampleScore score)
    {
        foreach (var epoch in score.EpochScores)
        {
            if (epoch.Metadata?[ScoreKey] is { } node && node.GetValueKind() == System.Text.Json.JsonValueKind.String && IsValid(node.GetValue<string>()))
            {
                return node.GetValue<string>();
            }
        }

        return score.Metadata.TryGetValue(DefaultField, out var value) && IsValid(value) ? value : null;
    }
}
