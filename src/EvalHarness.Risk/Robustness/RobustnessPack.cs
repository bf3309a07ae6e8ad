using EvalHarness.Extensions;

namespace EvalHarness.Risk.Robustness;

/// <summary>
/// Robustness and security: prompt injection (<c>injection</c>), jailbreak wrappers (the safety pack's
/// <c>refusal</c> with <c>attack_success_rate</c>), consistency under perturbation (<c>consistency</c>,
/// <c>consistency_rate</c>).
/// </summary>
public sealed class RobustnessPack : IEvalPack
{
    public static RobustnessPack Default { get; } = new();

    public string Name => "robustness";

    public void Register(EvalBuilder builder)
    {
        builder.AddScorer(InjectionScorer.Factory);
        builder.AddScorer(ConsistencyScorer.Factory);
        builder.AddMetric(AttackSuccessRateMetric.Default);
        builder.AddMetric(ConsistencyRateMetric.Default);
    }
}
