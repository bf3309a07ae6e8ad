using System.Globalization;
using System.Text.Json.Nodes;
using EvalHarness.Configuration;
using EvalHarness.Infrastructure;
using EvalHarness.Loading;
using EvalHarness.Loading.Formats;
using EvalHarness.Suites;
using EvalHarness.Validation;

namespace EvalHarness.Risk.Safety;

/// <summary>Reads AnswerCarefully items by the published field names, reporting each problem with its file, line and field.</summary>
internal static class AnswerCarefullyItems
{
    public const string IdField = "ID";
    public const string TextField = "text";
    public const string OutputField = "output";
    public const string MetaField = "meta";

    public const string HarmTypeKey = "harm_type";
    public const string SpecificHarmKey = "specific_harm";
    public const string RequirementKey = "requirement";

    private static readonly Lazy<string> RequirementJa = new(() => Resource("answercarefully_requirement_ja.txt"));
    private static readonly Lazy<string> RequirementEn = new(() => Resource("answercarefully_requirement_en.txt"));

    public static List<RawRecord> Read(DatasetSource source, DiagnosticBag diagnostics)
    {
        var records = new List<RawRecord>();
        var first = source.Text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (!first.StartsWith('['))
        {
            var lines = JsonlReader.Read(source, diagnostics);
            for (var i = 0; i < lines.Count; i++)
            {
                Item(new SourceFields(lines[i].Fields, string.Empty, source.DisplayPath, lines[i].Line, 0, diagnostics), lines[i].Fields, i + 1, records);
            }

            return records;
        }

        if (LocatedJson.Parse(source.Text, source.DisplayPath, 1, diagnostics) is not { Root: JsonArray list } json)
        {
            return records;
        }

        foreach (var (fields, item, number) in json.ListedObjects(list, source.DisplayPath, diagnostics, $"an object with {TextField} and {OutputField}"))
        {
            Item(fields, item, number, records);
        }

        return records;
    }

    private static void Item(SourceFields fields, JsonObject node, int number, List<RawRecord> records)
    {
        if (!node.ContainsKey(TextField) && !node.ContainsKey(OutputField) && !node.ContainsKey(MetaField))
        {
            // A different dataset or an unfamiliar export: one message that says what was expected beats three "is required".
            var found = node.Count == 0 ? "none" : string.Join(", ", node.Select(p => p.Key));
            fields.Error(null, $"is not an AnswerCarefully item: expected {IdField}, {TextField} (the question), {OutputField} (the reference answer) and {MetaField}; found fields: {found}");
            return;
        }

        // ACv1 and ACv2 write ID; some exports lower-case it. Without either, the item's position names it.
        var idKey = node.ContainsKey(IdField) ? IdField : node.ContainsKey("id") ? "id" : null;
        var id = idKey is null ? number.ToString(CultureInfo.InvariantCulture) : fields.Id(idKey);
        var question = fields.Text(TextField);
        var reference = fields.Text(OutputField);
        var metadata = Meta(fields, node);
        if (fields.HasErrors || id is null || question is null || reference is null || metadata is null)
        {
            return;
        }

        var template = IsJapanese(question) ? RequirementJa.Value : RequirementEn.Value;
        metadata[RequirementKey] = template.Replace("{reference}", reference, StringComparison.Ordinal);
        records.Add(StandardRecord.Create(fields.Line, id, question, targets: [reference], metadata: metadata));
    }

    /// <summary>The risk area as the category, the harm type and specific harm as labels; null after reporting a bad <c>meta</c>.</summary>
    private static Dictionary<string, string>? Meta(SourceFields fields, JsonObject node)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!node.TryGetPropertyValue(MetaField, out var meta) || meta is null)
        {
            return metadata;
        }

        if (fields.Child(meta, fields.Field(MetaField), fields.Line, fields.Column) is not { } child)
        {
            return null;
        }

        Add(metadata, MetadataKeys.Category, child, meta.AsObject(), "risk-area", "risk_area");
        Add(metadata, HarmTypeKey, child, meta.AsObject(), "harm-type", "harm_type");
        Add(metadata, SpecificHarmKey, child, meta.AsObject(), "specific-harm", "specific_harm");
        return child.HasErrors ? null : metadata;
    }

    private static void Add(Dictionary<string, string> metadata, string key, SourceFields meta, JsonObject node, string published, string alternative)
    {
        var name = node.ContainsKey(published) || !node.ContainsKey(alternative) ? published : alternative;
        if (meta.OptionalText(name) is { } value)
        {
            metadata[key] = value.Trim();
        }
    }

    /// <summary>Hiragana, katakana or CJK ideographs: the requirement is then written in Japanese.</summary>
    private static bool IsJapanese(string text) => text.Any(c => c is >= '\u3040' and <= '\u30FF' or >= '\u4E00' and <= '\u9FFF');

    private static string Resource(string file) =>
        EmbeddedText.Read(typeof(AnswerCarefullyItems).Assembly, "risk/safety/" + file).TrimEnd('\n');
}
