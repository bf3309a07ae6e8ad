using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EvalHarness.Configuration;
using EvalHarness.Extensions;
using EvalHarness.Infrastructure;
using EvalHarness.Metrics;
using EvalHarness.Suites;
using EvalHarness.Scoring;
using EvalHarness.Solvers;
using EvalHarness.Taxonomy;
using EvalHarness.Validation;

namespace EvalHarness.Loading;

/// <summary>
/// Loads <c>suite.yaml</c> and its dataset into a <see cref="Suite"/>, collecting every problem (with
/// file, line and field) instead of stopping at the first.
/// </summary>
public sealed partial class SuiteLoader
{
    public const string DefaultFileName = "suite.yaml";

    /// <summary>A suite file is configuration; data belongs in its dataset.</summary>
    public const long MaxSuiteFileBytes = 1L << 20;

    private readonly EvalCatalog _catalog;
    private readonly IModelRoles _roles;
    private readonly TimeProvider _time;

    /// <param name="catalog">The scorers, solver steps, metrics, formats, reducers and taxonomies suites may use.</param>
    /// <param name="roles">Models for roles such as <c>judge</c>; scorers ask for them when scoring.</param>
    public SuiteLoader(EvalCatalog catalog, IModelRoles? roles = null, TimeProvider? time = null)
    {
        _catalog = catalog;
        _roles = roles ?? ModelRoles.None;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The suite file for a path that names either the file or its directory.</summary>
    public static string ResolveSuiteFile(string path)
    {
        if (Directory.Exists(path))
        {
            var yml = Path.Combine(path, "suite.yml");
            return File.Exists(yml) && !File.Exists(Path.Combine(path, DefaultFileName)) ? yml : Path.Combine(path, DefaultFileName);
        }

        return path;
    }

    /// <summary>Loads a suite; returns null when any error was reported to <paramref name="diagnostics"/>.</summary>
    public Suite? Load(string path, DiagnosticBag diagnostics, LoadOptions? options = null)
    {
        options ??= LoadOptions.Default;
        var suiteFile = ResolveSuiteFile(path);
        var display = DisplayPaths.For(suiteFile);
        var errorsBefore = diagnostics.ErrorCount;
        if (new FileInfo(suiteFile) is { Exists: true, Length: > MaxSuiteFileBytes } big)
        {
            diagnostics.Error(display, 0, 0, null, $"is {ByteSizes.Format(big.Length)}, more than the {ByteSizes.Format(MaxSuiteFileBytes)} a suite file may hold (samples belong in its dataset)");
            return null;
        }

        var text = TextFiles.Read(suiteFile, display, "utf-8", diagnostics);
        if (text is null)
        {
            return null;
        }

        var document = YamlConfigParser.Parse(display, text, diagnostics);
        if (document?.Root is not JsonObject rootNode)
        {
            if (document is not null)
            {
                diagnostics.Error(display, 1, 1, null, "a suite file must be a mapping (name: ..., dataset: ..., scorers: ...)");
            }

            return null;
        }

        var root = new ConfigSection(document, rootNode, string.Empty, diagnostics);
        var directory = Path.GetDirectoryName(Path.GetFullPath(suiteFile))!;
        var readable = new ReadablePaths(options.Root ?? directory, options.AllowedPaths);

        var name = root.GetString("name", required: true);
        if (name is not null && !NamePattern().IsMatch(name))
        {
            root.Error("name", "must start with a letter or digit and contain only letters, digits, '-', '_' and '.' (it becomes part of directory names)");
        }

        var version = root.GetString("version");
        var description = root.GetString("description");
        var language = root.GetString("language") ?? "en";
        var defaults = ReadDefaultMetadata(root, language);
        var dataset = DatasetSpecReader.Read(root, directory, _catalog.Formats, readable);
        var steps = new SolverReader(_catalog.Solvers).Read(root);
        var scorers = new ScorerReader(_catalog, options => new ScorerContext
        {
            Options = options,
            Tokenizers = _catalog.Tokenizers,
            Roles = _roles,
            Time = _time,
            SuiteDirectory = directory,
            MayRead = readable.Check,
        }).Read(root);
        var epochs = ReadEpochs(root);
        var generate = root.GetSection("generate") is { } g ? ReadGenerate(g) : GenerationSettings.Empty;
        var groupBy = root.GetStringList("group_by");
        var demo = root.GetString("demo_recordings") is { } d ? Path.GetFullPath(Path.Combine(directory, d)) : null;
        if (demo is not null && !readable.Check(root, "demo_recordings", demo))
        {
            demo = null;
        }
        else if (demo is not null && !File.Exists(demo))
        {
            root.Error("demo_recordings", $"file not found: {DisplayPaths.For(demo)}");
        }

        root.ReportUnknownKeys();

        var samples = dataset is null ? [] : DatasetLoader.Load(dataset, defaults, options.Limits, _catalog.Taxonomies.InOrder, diagnostics);
        if (dataset is not null)
        {
            // Checked even when the suite file has errors: every problem is reported in one pass.
            SampleChecks.Check(samples, steps, scorers, SampleChecks.DeclaredScorerIds(root), dataset.DisplayPath, diagnostics);
        }

        if (diagnostics.ErrorCount > errorsBefore || name is null || dataset is null)
        {
            return null;
        }

        var presentKeys = samples.SelectMany(s => s.Metadata.Keys).ToHashSet(StringComparer.Ordinal);
        return new Suite
        {
            Name = name,
            Version = version,
            Description = description,
            Language = language,
            Path = display,
            Files =
            [
                new SuiteFile(display, Hashing.Sha256File(suiteFile)),
                new SuiteFile(dataset.DisplayPath, Hashing.Sha256File(dataset.Path)),
            ],
            Samples = samples,
            Solver = steps,
            Scorers = scorers,
            Epochs = epochs,
            Generate = generate,
            GroupBy = groupBy ?? MetadataKeys.DefaultGroupBy.Where(presentKeys.Contains).ToArray(),
            DemoRecordings = demo,
        };
    }

    private Dictionary<string, string> ReadDefaultMetadata(ConfigSection root, string language)
    {
        var defaults = new Dictionary<string, string>(StringComparer.Ordinal) { [MetadataKeys.Language] = language };
        if (root.GetSection("metadata") is { } metadata)
        {
            foreach (var (key, _) in metadata.Node)
            {
                if (metadata.GetString(key) is { } value)
                {
                    defaults[key] = value;
                }
            }

            // Checked here, once, against this line: every sample inherits the value, so a typo would otherwise be reported against each of them.
            foreach (var taxonomy in _catalog.Taxonomies.InOrder)
            {
                if (TaxonomyLookup.Canonicalise(defaults, taxonomy.Name, taxonomy.Entries) is { } problem)
                {
                    metadata.Error(taxonomy.Name, problem);
                }
            }
        }

        return defaults;
    }

    private EpochSettings ReadEpochs(ConfigSection root)
    {
        if (root.GetNode("epochs") is JsonValue)
        {
            return new EpochSettings(root.GetInt("epochs", 1, 10_000) ?? 1, EpochSettings.Default.Reducer);
        }

        if (root.GetSection("epochs") is not { } section)
        {
            return EpochSettings.Default;
        }

        var count = section.GetInt("count", 1, 10_000) ?? 1;
        var reducer = section.GetString("reducer") ?? EpochSettings.Default.Reducer;
        if (!_catalog.Reducers.TryGet(reducer, out _))
        {
            section.Error("reducer", $"unknown reducer '{reducer}'; use one of: {string.Join(", ", _catalog.Reducers.Names)}");
        }

        section.ReportUnknownKeys();
        return new EpochSettings(count, reducer);
    }

    private static GenerationSettings ReadGenerate(ConfigSection section)
    {
        var settings = GenerationSettingsReader.Read(section);
        section.ReportUnknownKeys();
        return settings;
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.\-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
