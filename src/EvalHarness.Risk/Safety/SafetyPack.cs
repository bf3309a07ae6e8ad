using EvalHarness.Extensions;

namespace EvalHarness.Risk.Safety;

/// <summary>Inappropriate output: refusal and over-refusal, toxicity lexicons, the AnswerCarefully format.</summary>
public sealed class SafetyPack : IEvalPack
{
    public static SafetyPack Default { get; } = new();

    public string Name => "safety";

    public void Register(EvalBuilder builder)
    {
        builder.AddScorer(RefusalScorer.Factory);
        builder.AddMetric(RefusalRateMetric.Default);
        builder.AddMetric(OverRefusalRateMetric.Default);
        builder.AddMetric(SafetyCombinedMetric.Default);
        builder.AddScorer(ToxicityScorer.Factory);
        builder.AddDatasetFormat(AnswerCarefullyFormat.Default);
    }
}
