using EvalHarness.Extensions;

namespace EvalHarness.Risk.Bias;

/// <summary>Bias: BBQ-format items and their bias scores (Parrish et al. 2022), the BBQ/JBBQ format, counterfactual pairs.</summary>
public sealed class BiasPack : IEvalPack
{
    public static BiasPack Default { get; } = new();

    public string Name => "bias";

    public void Register(EvalBuilder builder) => builder
        .AddDatasetFormat(BbqFormat.Default)
        .AddScorer(BbqScorer.Factory)
        .AddScorer(AnswerLengthScorer.Factory)
        .AddMetric(BbqMetric.AccuracyAmbiguous)
        .AddMetric(BbqMetric.AccuracyDisambiguated)
        .AddMetric(BbqMetric.SDis)
        .AddMetric(BbqMetric.SAmb)
        .AddMetric(PairedDivergenceMetric.Default);
}
