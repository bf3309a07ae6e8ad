using EvalHarness.Loading.Formats;
using EvalHarness.Metrics;
using EvalHarness.Solvers;
using EvalHarness.Taxonomy;

namespace EvalHarness.Extensions;

/// <summary>What every host has: the generic metrics, epoch reducers, solver steps, dataset formats and the taxonomies (risks, perspectives, language quality).</summary>
public sealed class CorePack : IEvalPack
{
    public static CorePack Default { get; } = new();

    public string Name => "core";

    public void Register(EvalBuilder builder)
    {
        builder
            .AddMetric(AccuracyMetric.Default)
            .AddMetric(MeanMetric.Default)
            .AddMetric(BootstrapMeanMetric.Default)
            .AddSolver(SystemMessageSolver.Factory)
            .AddSolver(PromptTemplateSolver.Factory)
            .AddSolver(MultipleChoiceSolver.Factory)
            .AddSolver(GenerateSolver.Factory)
            .AddSolver(MultiTurnSolver.Factory)
            .AddDatasetFormat(JsonlFormat.Default)
            .AddDatasetFormat(CsvFormat.Default)
            .AddDatasetFormat(TsvFormat.Default)
            .AddTaxonomy(TaxonomyDefinition.Risks)
            .AddTaxonomy(TaxonomyDefinition.Perspectives)
            .AddTaxonomy(TaxonomyDefinition.Quality);
        foreach (var reducer in ScoreReducers.All)
        {
            builder.AddReducer(reducer);
        }
    }
}
