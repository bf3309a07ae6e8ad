using EvalHarness.Loading;
using EvalHarness.Metrics;
using EvalHarness.Models;
using EvalHarness.Reports;
using EvalHarness.Scoring;
using EvalHarness.Solvers;
using EvalHarness.Taxonomy;
using EvalHarness.Tokenization;

namespace EvalHarness.Extensions;

/// <summary>Everything the packs registered, by kind and name. Built once by <see cref="EvalBuilder"/>; immutable.</summary>
public sealed class EvalCatalog
{
    /// <summary>The core alone: metrics, reducers, solver steps, the generic dataset formats and the taxonomies.</summary>
    public static EvalCatalog Core { get; } = Create(CorePack.Default);

    /// <summary>The packs, in the order they were added.</summary>
    public required IReadOnlyList<string> Packs { get; init; }

    public required NamedCatalog<IScorerFactory> Scorers { get; init; }

    public required NamedCatalog<IMetric> Metrics { get; init; }

    public required NamedCatalog<ISolverFactory> Solvers { get; init; }

    public required DatasetFormatCatalog Formats { get; init; }

    public required NamedCatalog<IScoreReducer> Reducers { get; init; }

    public required ModelKindCatalog Models { get; init; }

    public required NamedCatalog<TaxonomyDefinition> Taxonomies { get; init; }

    public required NamedCatalog<IRunReporter> Reporters { get; init; }

    public required TokenizerCatalog Tokenizers { get; init; }

    /// <summary>The core pack plus <paramref name="packs"/>, in that order.</summary>
    public static EvalCatalog Create(params IEvalPack[] packs)
    {
        var builder = new EvalBuilder().Add(CorePack.Default);
        foreach (var pack in packs)
        {
            builder.Add(pack);
        }

        return builder.Build();
    }
}
