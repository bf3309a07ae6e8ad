using EvalHarness.Extensions;
using EvalHarness.Judges.Metrics;
using EvalHarness.Judges.Scoring;

namespace EvalHarness.Judges;

/// <summary>LLM judges: the <c>judge</c> scorer with its built-in rubrics, llm-jp-judge's violation and acceptable rates, and a panel's agreement.</summary>
public sealed class JudgesPack : IEvalPack
{
    public static JudgesPack Default { get; } = new();

    public string Name => "judges";

    public void Register(EvalBuilder builder) => builder
        .AddScorer(JudgeScorerFactory.Default)
        .AddMetric(ViolationRateMetric.Default)
        .AddMetric(AcceptableRateMetric.Default)
        .AddMetric(JudgeAgreementMetric.Default);
}
