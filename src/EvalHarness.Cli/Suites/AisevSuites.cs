using System.Text;
using System.Text.Json.Nodes;
using EvalHarness.Configuration;
using EvalHarness.Infrastructure;
using EvalHarness.Japanese.Aisev;
using EvalHarness.Japanese.Aisev.Gsn;
using EvalHarness.Loading;
using EvalHarness.Scoring;
using EvalHarness.Solvers;
using EvalHarness.Suites;
using EvalHarness.Validation;

namespace EvalHarness.Cli.Suites;

/// <summary>
/// An aisev dataset CSV run as it is (<c>evalh run file.csv</c>): the suite a suite file would describe is built
/// here, with a scorer per scorer kind its rows name, aisev's 0–100 metrics, and the CSV as the suite file.
/// </summary>
internal static class AisevSuites
{
    public const string Extension = ".csv";

    private static readonly string[] JudgedMetrics = ["accuracy", "aisev_score", "judge_agreement"];
    private static readonly string[] PlainMetrics = ["accuracy", "aisev_score"];
    private static readonly string[] GsnMetrics = ["aisev_gsn", "aisev_gsn_coverage"];

    public static bool IsAisevCsv(string path) => string.Equals(Path.GetExtension(path), Extension, StringComparison.OrdinalIgnoreCase);

    /// <summary>Loads one CSV as a suite; returns null when any error was reported.</summary>
    public static Suite? Load(SuitePath file, GsnWeights? gsn, LoadOptions options, IModelRoles roles, DiagnosticBag diagnostics)
    {
        var errorsBefore = diagnostics.ErrorCount;
        var display = DisplayPaths.For(file.File);
        if (!MayRead(file, options, display, diagnostics))
        {
            return null;
        }

        var text = TextFiles.Read(file.File, display, "utf-8", diagnostics);
        if (text is null)
        {
            return null;
        }

        var data = AisevDataset.Read(new DatasetSource(text, display, ',') { Limits = options.Limits }, gsn, diagnostics);
        if (data.Records.Count > options.Limits.MaxSamples)
        {
            diagnostics.Error(display, data.Records[options.Limits.MaxSamples].Line, 0, null, $"holds more than {options.Limits.MaxSamples} rows to evaluate, the most one suite may hold; raise the limit with --max-samples if that is intended");
            return null;
        }

        var language = new Dictionary<string, string>(StringComparer.Ordinal) { [MetadataKeys.Language] = data.Language };
        var builder = new SampleBuilder(FieldMapping.Default, display, language, fromCsv: false, Composition.Catalog.Taxonomies.InOrder, diagnostics);
        var samples = new List<Sample>(data.Records.Count);
        for (var i = 0; i < data.Records.Count; i++)
        {
            if (WithinLimits(data.Records[i], options.Limits, display, diagnostics) && builder.Build(data.Records[i], i + 1) is { } sample)
            {
                samples.Add(sample);
            }
        }

        var scorers = data.Kinds.Select(kind => Scorer(kind, data.Language, gsn is not null, file, roles, display, diagnostics)).ToList();
        foreach (var sample in samples)
        {
            foreach (var scorer in scorers.Where(s => sample.Scorers?.Contains(s.Id) != false))
            {
                if (scorer.Scorer.CheckSample(sample) is { } problem)
                {
                    diagnostics.Error(display, sample.Line, 0, problem.Field, $"sample '{sample.Id}', scorer '{scorer.Id}': {problem.Message}");
                }
            }
        }

        if (diagnostics.ErrorCount > errorsBefore)
        {
            return null;
        }

        return new Suite
        {
            Name = SuiteName(file.File),
            Description = "J-AISI aisev dataset " + Path.GetFileName(file.File),
            Language = data.Language,
            Path = display,
            Files = [new SuiteFile(display, Hashing.Sha256File(file.File)), .. data.Trees.Select(t => new SuiteFile(t.Path, t.Sha256))],
            Samples = samples,
            Solver = [Generate(display, diagnostics)],
            Scorers = scorers,
            GroupBy = [MetadataKeys.Perspective, .. samples.Exists(s => s.Metadata.ContainsKey(AisevMetadataKeys.UnknownPerspective)) ? [AisevMetadataKeys.UnknownPerspective] : Array.Empty<string>()],
        };
    }

    /// <summary>The file name as a suite name (it becomes part of directory names): other characters become '-'.</summary>
    public static string SuiteName(string path)
    {
        var name = new StringBuilder();
        foreach (var c in Path.GetFileNameWithoutExtension(path))
        {
            name.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' ? c : '-');
        }

        var trimmed = name.ToString().TrimStart('_', '.', '-');
        return trimmed.Length == 0 ? "aisev" : trimmed;
    }

    private static ScorerConfig Scorer(AisevScorerKind kind, string language, bool gsn, SuitePath file, IModelRoles roles, string display, DiagnosticBag diagnostics)
    {
        var (name, options) = kind switch
        {
            _ when kind == AisevScorerKind.Requirement => ("judge", new JsonObject { ["rubric"] = "aisev-requirement", ["language"] = language }),
            // aisev grades model_graded_qa with Inspect's English template whatever the data's language.
            _ when kind == AisevScorerKind.ModelGradedQa => ("judge", new JsonObject { ["rubric"] = "aisev-model-graded-qa", ["language"] = "en" }),
            _ when kind == AisevScorerKind.Choice => ("aisev_choice", new JsonObject()),
            _ => ("exact", new JsonObject()),
        };
        var factory = Composition.Catalog.Scorers.TryGet(name, out var found) ? found : throw new InvalidOperationException($"the scorer '{name}' is not registered");
        var section = new ConfigSection(new ConfigDocument(display, options), options, ConfigPath.Child("scorers", kind.Id), diagnostics);
        var scorer = factory.Create(new ScorerContext
        {
            Options = section,
            Tokenizers = Composition.Catalog.Tokenizers,
            Roles = roles,
            SuiteDirectory = Path.GetDirectoryName(Path.GetFullPath(file.File)),
            MayRead = (at, key, _) =>
            {
                at.Error(key, "an aisev dataset names no files");
                return false;
            },
        });
        string[] metrics = [.. kind.Judged ? JudgedMetrics : PlainMetrics, .. gsn ? GsnMetrics : Array.Empty<string>()];
        return new ScorerConfig(kind.Id, name, (JsonObject)options.DeepClone(), metrics, scorer, scorer.Meaning ?? factory.Meaning);
    }

    private static SolverStep Generate(string display, DiagnosticBag diagnostics)
    {
        var factory = Composition.Catalog.Solvers.TryGet("generate", out var found) ? found : throw new InvalidOperationException("the solver step 'generate' is not registered");
        return new SolverStep("generate", new JsonObject(), factory.Create(ConfigSection.Empty(display, diagnostics)));
    }

    /// <summary>A CSV found in a directory must lie in it (after links), as any file a suite reads must.</summary>
    private static bool MayRead(SuitePath file, LoadOptions options, string display, DiagnosticBag diagnostics)
    {
        var real = RealPaths.Resolve(Path.GetFullPath(file.File));
        if (RealPaths.IsWithin(real, RealPaths.Resolve(Path.GetFullPath(file.Root))) || options.AllowedPaths.Any(a => RealPaths.IsWithin(real, RealPaths.Resolve(a))))
        {
            return true;
        }

        diagnostics.Error(display, 0, 0, null,
            $"links to {DisplayPaths.For(real)}, outside {DisplayPaths.For(file.Root)}, and a suite may read only files inside the directory given on the command line; if you trust it, allow it with --allow-path {DisplayPaths.For(Path.GetDirectoryName(real) ?? real)}");
        return false;
    }

    private static bool WithinLimits(RawRecord record, LoadLimits limits, string display, DiagnosticBag diagnostics)
    {
        long total = 0;
        foreach (var text in Texts(record.Fields))
        {
            var bytes = Encoding.UTF8.GetByteCount(text);
            if (bytes > limits.MaxFieldBytes)
            {
                diagnostics.Error(display, record.Line, 0, null, $"a cell holds {ByteSizes.Format(bytes)} of text, more than the {ByteSizes.Format(limits.MaxFieldBytes)} a field may hold; raise the limit with --max-field-size if that is intended");
                return false;
            }

            total += bytes;
        }

        if (total > limits.MaxRecordBytes)
        {
            diagnostics.Error(display, record.Line, 0, null, $"the row is {ByteSizes.Format(total)}, more than the {ByteSizes.Format(limits.MaxRecordBytes)} a record may hold; raise the limit with --max-record-size if that is intended");
            return false;
        }

        return true;
    }

    private static IEnumerable<string> Texts(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        JsonArray a => a.SelectMany(Texts),
        JsonObject o => o.Select(p => p.Value).SelectMany(Texts),
        _ => [],
    };
}
