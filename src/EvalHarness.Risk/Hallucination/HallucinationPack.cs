using EvalHarness.Extensions;

namespace EvalHarness.Risk.Hallucination;

/// <summary>Hallucination: closed-book answers and abstention, false premises and non-existent entities, grounded answers, self-consistency, the TruthfulQA format.</summary>
public sealed class HallucinationPack : IEvalPack
{
    public static HallucinationPack Default { get; } = new();

    public string Name => "hallucination";

    public void Register(EvalBuilder builder) => builder
        .AddScorer(ClosedBookScorer.Factory)
        .AddScorer(PremiseCheckScorer.Factory)
        .AddScorer(LexicalSupportScorer.Factory)
        .AddScorer(TruthfulQaMcScorer.Factory)
        .AddMetric(ValueRateMetric.AbstentionRate)
        .AddMetric(ValueRateMetric.ConfidentWrongRate)
        .AddMetric(SelfConsistencyMetric.Default)
        .AddDatasetFormat(TruthfulQaFormat.Default);
}
