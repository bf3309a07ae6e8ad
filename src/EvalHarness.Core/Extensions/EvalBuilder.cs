using EvalHarness.Loading;
using EvalHarness.Metrics;
using EvalHarness.Models;
using EvalHarness.Reports;
using EvalHarness.Scoring;
using EvalHarness.Solvers;
using EvalHarness.Taxonomy;
using EvalHarness.Tokenization;

namespace EvalHarness.Extensions;

/// <summary>
/// The one way extensions are registered: every pack adds its scorers, metrics, solver steps, dataset
/// formats, epoch reducers, model kinds, taxonomies, reporters and tokenizers here, and
/// <see cref="Build"/> turns them into the immutable <see cref="EvalCatalog"/> the harness runs on.
/// </summary>
public sealed class EvalBuilder
{
    private readonly List<string> _packs = [];
    private readonly List<(IScorerFactory, string)> _scorers = [];
    private readonly List<(IMetric, string)> _metrics = [];
    private readonly List<(ISolverFactory, string)> _solvers = [];
    private readonly List<(IDatasetFormat, string)> _formats = [];
    private readonly List<(IScoreReducer, string)> _reducers = [];
    private readonly List<(IModelKind, string)> _models = [];
    private readonly List<(TaxonomyDefinition, string)> _taxonomies = [];
    private readonly List<(IRunReporter, string)> _reporters = [];
    private readonly List<(IMetricTokenizer, string)> _tokenizers = [];
    private string _pack = "host";

    /// <summary>Registers everything <paramref name="pack"/> brings; a pack added twice registers once.</summary>
    public EvalBuilder Add(IEvalPack pack)
    {
        if (_packs.Contains(pack.Name, StringComparer.Ordinal))
        {
            return this;
        }

        _packs.Add(pack.Name);
        var outer = _pack;
        _pack = pack.Name;
        try
        {
            pack.Register(this);
        }
        finally
        {
            _pack = outer;
        }

        return this;
    }

    public EvalBuilder AddScorer(IScorerFactory factory) => Add(_scorers, factory);

    public EvalBuilder AddMetric(IMetric metric) => Add(_metrics, metric);

    public EvalBuilder AddSolver(ISolverFactory factory) => Add(_solvers, factory);

    public EvalBuilder AddDatasetFormat(IDatasetFormat format) => Add(_formats, format);

    public EvalBuilder AddReducer(IScoreReducer reducer) => Add(_reducers, reducer);

    public EvalBuilder AddModelKind(IModelKind kind) => Add(_models, kind);

    public EvalBuilder AddTaxonomy(TaxonomyDefinition taxonomy) => Add(_taxonomies, taxonomy);

    public EvalBuilder AddReporter(IRunReporter reporter) => Add(_reporters, reporter);

    public EvalBuilder AddTokenizer(IMetricTokenizer tokenizer) => Add(_tokenizers, tokenizer);

    /// <summary>The catalogue; a name registered twice within one kind is a programming error and throws.</summary>
    public EvalCatalog Build() => new()
    {
        Packs = [.. _packs],
        Scorers = new("scorer", _scorers),
        Metrics = new("metric", _metrics),
        Solvers = new("solver step", _solvers),
        Formats = new DatasetFormatCatalog(new NamedCatalog<IDatasetFormat>("dataset format", _formats)),
        Reducers = new("reducer", _reducers),
        Models = new ModelKindCatalog(new NamedCatalog<IModelKind>("model kind", _models)),
        Taxonomies = new("taxonomy", _taxonomies),
        Reporters = new("reporter", _reporters),
        Tokenizers = new TokenizerCatalog(new NamedCatalog<IMetricTokenizer>("tokenizer", _tokenizers)),
    };

    private EvalBuilder Add<T>(List<(T, string)> list, T item)
    {
        list.Add((item, _pack));
        return this;
    }
}
