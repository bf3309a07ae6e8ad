using EvalHarness.Extensions;

namespace EvalHarness.Risk.Robustness;

/// <summary>Robustness and security: prompt injection, jailbreak wrappers, consistency under perturbation.</summary>
public sealed class RobustnessPack : IEvalPack
{
    public static RobustnessPack Default { get; } = new();

    public string Name => "robustness";

    public void Register(EvalBuilder builder)
    {
    }
}
