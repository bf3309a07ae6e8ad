using System.Text.Json.Nodes;
using EvalHarness.Configuration;
using EvalHarness.Extensions;
using EvalHarness.Infrastructure;
using EvalHarness.Logs;
using EvalHarness.Scoring;
using EvalHarness.Suites;
using EvalHarness.Validation;

namespace EvalHarness.Loading;

/// <summary>
/// Scorer lists outside a suite file, read with the suite file's grammar: a file holding only a
/// <c>scorers:</c> list (<c>evalh score --scorers</c>), and the scorers a run log's header recorded.
/// </summary>
public sealed class ScorerListLoader
{
    private const string ScorersKey = "scorers";
    private const int ProblemsShownPerScorer = 3;

    private readonly EvalCatalog _catalog;
    private readonly IModelRoles _roles;
    private readonly TimeProvider _time;

    /// <param name="roles">Models for roles such as <c>judge</c>; scorers ask for them when scoring.</param>
    public ScorerListLoader(EvalCatalog catalog, IModelRoles? roles = null, TimeProvider? time = null)
    {
        _catalog = catalog;
        _roles = roles ?? ModelRoles.None;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>
    /// Reads a YAML file whose only key is <c>scorers</c>. Files its scorers name (a rubric) are found beside
    /// it and confined as a suite's are. Returns null when any error was reported to <paramref name="diagnostics"/>.
    /// </summary>
    /// <param name="samplesFor">
    /// The samples each scorer will score, checked as a suite checks its dataset (a judge's rubric may need a
    /// requirement); each scorer's problems are reported once, at its entry, with the first few samples.
    /// </param>
    public IReadOnlyList<ScorerConfig>? LoadFile(string path, DiagnosticBag diagnostics, LoadOptions? options = null, Func<ScorerConfig, IEnumerable<(string Suite, Sample Sample)>>? samplesFor = null)
    {
        options ??= LoadOptions.Default;
        var display = DisplayPaths.For(path);
        var errorsBefore = diagnostics.ErrorCount;
        if (new FileInfo(path) is { Exists: true, Length: > SuiteLoader.MaxSuiteFileBytes } big)
        {
            diagnostics.Error(display, 0, 0, null, $"is {ByteSizes.Format(big.Length)}, more than the {ByteSizes.Format(SuiteLoader.MaxSuiteFileBytes)} a scorers file may hold");
            return null;
        }

        var text = TextFiles.Read(path, display, "utf-8", diagnostics);
        var document = text is null ? null : YamlConfigParser.Parse(display, text, diagnostics);
        if (document?.Root is not JsonObject rootNode)
        {
            if (document is not null)
            {
                diagnostics.Error(display, 1, 1, null, "a scorers file must be a mapping with one key, scorers: [...] (as in a suite file)");
            }

            return null;
        }

        var root = new ConfigSection(document, rootNode, string.Empty, diagnostics);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var scorers = Reader(directory, new ReadablePaths(options.Root ?? directory, options.AllowedPaths)).Read(root);
        root.ReportUnknownKeys();
        if (samplesFor is not null && diagnostics.ErrorCount == errorsBefore)
        {
            for (var i = 0; i < scorers.Count; i++)
            {
                CheckSamples(scorers[i], samplesFor(scorers[i]), root.ChildSection(new JsonObject(), ConfigPath.Index(root.FieldPath(ScorersKey), i)));
            }
        }

        return diagnostics.ErrorCount > errorsBefore ? null : scorers;
    }

    /// <summary>
    /// Rebuilds the scorers a run recorded for one suite (<paramref name="index"/> in the header) from their
    /// names and options, as the suite file created them: files they name are found beside the suite file
    /// recorded in the header and confined to its directory. Problems name the log's header line.
    /// </summary>
    public IReadOnlyList<ScorerConfig>? Rebuild(SuiteHeader suite, int index, string logPath, DiagnosticBag diagnostics, LoadOptions? options = null)
    {
        options ??= LoadOptions.Default;
        var errorsBefore = diagnostics.ErrorCount;
        var list = new JsonArray();
        foreach (var scorer in suite.Scorers)
        {
            list.Add((JsonNode)new JsonObject
            {
                ["id"] = scorer.Id,
                ["name"] = scorer.Name,
                ["options"] = scorer.Options.DeepClone(),
                ["metrics"] = new JsonArray([.. scorer.Metrics.Select(m => (JsonNode?)JsonValue.Create(m))]),
            });
        }

        var node = new JsonObject { [ScorersKey] = list };
        var path = ConfigPath.Index("suites", index);
        var document = new ConfigDocument(DisplayPaths.For(logPath), new JsonObject { ["suites"] = new JsonArray(node) }, new Dictionary<string, SourcePosition>(StringComparer.Ordinal) { [string.Empty] = new(1, 0) });
        var directory = Path.GetDirectoryName(Path.GetFullPath(suite.Path))!;
        var scorers = Reader(directory, new ReadablePaths(options.Root ?? directory, options.AllowedPaths)).Read(new ConfigSection(document, node, path, diagnostics));
        return diagnostics.ErrorCount > errorsBefore ? null : scorers;
    }

    private static void CheckSamples(ScorerConfig scorer, IEnumerable<(string Suite, Sample Sample)> samples, ConfigSection entry)
    {
        var problems = samples
            .Select(s => (s.Suite, s.Sample, Problem: scorer.Scorer.CheckSample(s.Sample)))
            .Where(p => p.Problem is not null)
            .ToList();
        if (problems.Count > 0)
        {
            var shown = string.Join("; ", problems.Take(ProblemsShownPerScorer).Select(p => $"sample '{p.Sample.Id}' of suite '{p.Suite}': {p.Problem!.Message}"));
            var more = problems.Count > ProblemsShownPerScorer ? $"; and {problems.Count - ProblemsShownPerScorer} more samples" : string.Empty;
            entry.Error(null, $"scorer '{scorer.Id}' cannot score every sample of the run it applies to: {shown}{more}");
        }
    }

    private ScorerReader Reader(string directory, ReadablePaths readable) => new(_catalog, options => new ScorerContext
    {
        Options = options,
        Tokenizers = _catalog.Tokenizers,
        Roles = _roles,
        Time = _time,
        SuiteDirectory = directory,
        MayRead = readable.Check,
    });
}
