using System.Text.Json.Nodes;
using EvalHarness.Configuration;
using EvalHarness.Extensions;
using EvalHarness.Metrics;
using EvalHarness.Scoring;

namespace EvalHarness.Loading;

/// <summary>Reads a suite's <c>scorers</c> list into configured scorers with their metrics.</summary>
internal sealed class ScorerReader
{
    private readonly NamedCatalog<IScorerFactory> _scorers;
    private readonly NamedCatalog<IMetric> _metrics;
    private readonly Func<ConfigSection, ScorerContext> _context;

    /// <param name="context">The context each scorer is created with, around its options.</param>
    public ScorerReader(EvalCatalog catalog, Func<ConfigSection, ScorerContext> context)
    {
        _scorers = catalog.Scorers;
        _metrics = catalog.Metrics;
        _context = context;
    }

    public List<ScorerConfig> Read(ConfigSection root)
    {
        var result = new List<ScorerConfig>();
        var array = root.GetArray("scorers", required: true);
        if (array is null)
        {
            return result;
        }

        if (array.Count == 0)
        {
            root.Error("scorers", "lists no scorer; add at least one (known scorers: " + string.Join(", ", _scorers.Names) + ")");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < array.Count; i++)
        {
            var path = ConfigPath.Index(root.FieldPath("scorers"), i);
            var entry = array[i] switch
            {
                JsonObject obj => root.ChildSection(obj, path),
                JsonValue v when v.TryGetValue<string>(out var bare) => root.ChildSection(new JsonObject { ["name"] = bare }, path),
                _ => null,
            };
            if (entry is null)
            {
                root.ChildSection(new JsonObject(), path).Error(null, "each scorer is a name, or a mapping with 'name' and optional 'id', 'options', 'metrics'");
                continue;
            }

            if (ReadScorer(entry, ids) is { } config)
            {
                result.Add(config);
            }
        }

        return result;
    }

    private ScorerConfig? ReadScorer(ConfigSection entry, HashSet<string> ids)
    {
        var name = entry.GetString("name", required: true);
        var id = entry.GetString("id") ?? name;
        var options = entry.GetSection("options") ?? entry.ChildSection(new JsonObject(), entry.FieldPath("options"));
        var metrics = entry.GetStringList("metrics");
        entry.ReportUnknownKeys();
        if (name is null || id is null)
        {
            return null;
        }

        if (!_scorers.TryGet(name, out var factory))
        {
            var suggestion = Suggest.Closest(name, _scorers.Names);
            entry.Error("name", $"unknown scorer '{name}'" + (suggestion is null ? string.Empty : $" (did you mean '{suggestion}'?)") + $"; known scorers: {string.Join(", ", _scorers.Names)}");
            return null;
        }

        if (!ids.Add(id))
        {
            entry.Error("id", $"two scorers have the id '{id}'; give one of them another 'id'");
        }

        foreach (var metric in metrics ?? [])
        {
            if (!_metrics.TryGet(metric, out _))
            {
                entry.Error("metrics", $"unknown metric '{metric}'; known metrics: {string.Join(", ", _metrics.All.Select(m => m.Name))}");
            }
        }

        var scorer = factory.Create(_context(options));
        options.ReportUnknownKeys();
        return new ScorerConfig(id, name, (JsonObject)options.Node.DeepClone(), metrics ?? scorer.DefaultMetrics ?? factory.DefaultMetrics, scorer, scorer.Meaning ?? factory.Meaning);
    }
}
