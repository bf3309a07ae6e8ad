using EvalHarness.Extensions;

namespace EvalHarness.Japanese.Aisev;

/// <summary>
/// J-AISI's aisev: its quantitative dataset CSV (<c>aisev</c> format), its multiple-choice scoring (<c>aisev_choice</c>)
/// and its 0–100 scores, plain and GSN-weighted (<c>aisev_score</c>, <c>aisev_gsn</c>, <c>aisev_gsn_coverage</c>).
/// The judge prompts are the rubrics <c>aisev-requirement</c> and <c>aisev-model-graded-qa</c> of the judges pack.
/// </summary>
public sealed class AisevPack : IEvalPack
{
    public static AisevPack Default { get; } = new();

    public string Name => "aisev";

    public void Register(EvalBuilder builder) => builder
        .AddDatasetFormat(AisevFormat.Default)
        .AddScorer(AisevChoiceScorer.Factory)
        .AddMetric(AisevScoreMetric.Default)
        .AddMetric(AisevGsnMetric.Default)
        .AddMetric(AisevGsnCoverageMetric.Default);
}
