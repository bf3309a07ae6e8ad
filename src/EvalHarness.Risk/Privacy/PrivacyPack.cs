using EvalHarness.Extensions;

namespace EvalHarness.Risk.Privacy;

/// <summary>Privacy: personal data in outputs (Japanese phone numbers, My Number, postal codes and addresses, e-mail, card numbers, names next to them).</summary>
public sealed class PrivacyPack : IEvalPack
{
    public static PrivacyPack Default { get; } = new();

    public string Name => "privacy";

    public void Register(EvalBuilder builder) => builder.AddScorer(PersonalDataScorer.Factory);
}
