namespace EvalHarness.Risk.Hallucination;

internal static class HallucinationMetricNames
{
    public const string AbstentionRate = "abstention_rate";
    public const string ConfidentWrongRate = "confident_wrong_rate";
    public const string SelfConsistency = "self_consistency";
}
