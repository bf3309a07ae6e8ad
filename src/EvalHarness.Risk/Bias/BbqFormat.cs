using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using EvalHarness.Loading;
using EvalHarness.Loading.Formats;
using EvalHarness.Suites;
using EvalHarness.Validation;

namespace EvalHarness.Risk.Bias;

/// <summary>
/// BBQ (nyu-mll/BBQ <c>data/*.jsonl</c>) and JBBQ JSON Lines as published: each row becomes a three-way
/// multiple-choice sample (context and question as the prompt, ans0..ans2 as A..C, label as the target) whose
/// metadata carries what the <c>bbq</c> scorer and the bias scores need. A row with no <c>example_id</c> but an
/// <c>input</c> is an ordinary harness sample (the bundled suite keeps its counterfactual pairs in the same file).
/// </summary>
internal sealed class BbqFormat : IDatasetFormat
{
    /// <summary>Rows without a bias target are reported individually up to this many per file, then counted.</summary>
    private const int NoTargetWarnings = 5;

    private static readonly HashSet<string> BbqFields = new(StringComparer.Ordinal)
    {
        "example_id", "question_index", "question_polarity", "context_condition", "category", "answer_info",
        "additional_metadata", "context", "question", "ans0", "ans1", "ans2", "label", "scorers",
    };

    private BbqFormat()
    {
    }

    public static IDatasetFormat Default { get; } = new BbqFormat();

    public string Name => "bbq";

    public string Description => "BBQ / JBBQ JSON Lines (example_id, question_polarity, context_condition, category, answer_info, additional_metadata.stereotyped_groups, context, question, ans0..ans2, label): three-way multiple choice for the bbq scorer";

    public IReadOnlyList<string> Extensions { get; } = [];

    public bool MapsFields => false;

    public bool TextCells => false;

    public string? SourceIdField => "example_id";

    public IReadOnlyList<RawRecord> Read(DatasetSource source, DiagnosticBag diagnostics)
    {
        var records = new List<RawRecord>();
        var noTarget = 0;
        foreach (var line in JsonlReader.Read(source, diagnostics))
        {
            if (!line.Fields.ContainsKey("example_id") && line.Fields.ContainsKey(FieldMapping.Default.Input))
            {
                records.Add(line);
                continue;
            }

            var fields = new SourceFields(line.Fields, string.Empty, source.DisplayPath, line.Line, 0, diagnostics);
            var item = BbqRowReader.Read(line.Fields, fields, reason =>
            {
                if (++noTarget <= NoTargetWarnings)
                {
                    fields.Warning(null, reason + "; the item counts for accuracy but for no bias score");
                }
            });
            if (item is not null && ReadScorers(line.Fields, fields) is var (ok, scorers) && ok)
            {
                records.Add(ToRecord(line, item, scorers));
            }
        }

        if (noTarget > NoTargetWarnings)
        {
            diagnostics.Warning(source.DisplayPath, 0, 0, null, $"{noTarget.ToString(CultureInfo.InvariantCulture)} rows in all have no single stereotyped answer and count for no bias score (the first {NoTargetWarnings} are listed)");
        }

        return records;
    }

    private static RawRecord ToRecord(RawRecord line, BbqItem item, JsonArray? scorers)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [MetadataKeys.Category] = item.Category,
            [BbqMetadataKeys.ExampleId] = item.ExampleId,
            [BbqMetadataKeys.Polarity] = item.Polarity,
            [BbqMetadataKeys.ContextCondition] = item.Condition,
            [BbqMetadataKeys.Label] = Index(item.Label),
            [BbqMetadataKeys.UnknownLoc] = Index(item.UnknownLoc),
            [BbqMetadataKeys.StereotypedGroups] = StandardRecord.JsonList(item.Groups),
            [BbqMetadataKeys.AnswerGroups] = StandardRecord.JsonList(item.Info.Select(i => i.Tag)),
        };
        Add(metadata, BbqMetadataKeys.QuestionIndex, item.QuestionIndex);
        Add(metadata, BbqMetadataKeys.StereotypedLoc, item.StereotypedLoc is { } s ? Index(s) : null);
        Add(metadata, BbqMetadataKeys.BiasedLoc, item.BiasedLoc is { } b ? Index(b) : null);
        Add(metadata, BbqMetadataKeys.Subcategory, item.Subcategory);
        Add(metadata, BbqMetadataKeys.Version, item.Version);
        Add(metadata, BbqMetadataKeys.Source, item.Source);

        // Fields BBQ does not define (JBBQ's is_additional, a language or risk tag a suite adds) are carried as metadata.
        foreach (var (key, node) in line.Fields)
        {
            if (!BbqFields.Contains(key) && !metadata.ContainsKey(key) && node is JsonValue value && Scalar(value) is { } text)
            {
                metadata[key] = text;
            }
        }

        var record = StandardRecord.Create(
            line.Line,
            item.Category + "-" + item.ExampleId,
            item.Context + "\n" + item.Question,
            targets: [ChoiceLabels.Letter(item.Label).ToString()],
            choices: item.Answers,
            metadata: metadata);
        if (scorers is not null)
        {
            record.Fields[FieldMapping.Default.Scorers] = scorers.DeepClone();
        }

        return record;
    }

    /// <summary>The harness's optional <c>scorers</c> list, which lets one suite mix BBQ items with other samples.</summary>
    private static (bool Ok, JsonArray? Scorers) ReadScorers(JsonObject row, SourceFields fields)
    {
        if (!row.TryGetPropertyValue("scorers", out var node) || node is null)
        {
            return (true, null);
        }

        var list = fields.List("scorers", required: false);
        if (list is null || fields.TextList("scorers", required: false, minCount: 1) is null)
        {
            return (false, null);
        }

        return (true, list);
    }

    private static string Index(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Add(Dictionary<string, string> metadata, string key, string? value)
    {
        if (value is not null)
        {
            metadata[key] = value;
        }
    }

    private static string? Scalar(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.ToJsonString(),
        _ => null,
    };
}
