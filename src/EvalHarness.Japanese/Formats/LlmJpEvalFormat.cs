using System.Globalization;
using System.Text.Json.Nodes;
using EvalHarness.Configuration;
using EvalHarness.Suites;
using EvalHarness.Validation;
using EvalHarness.Loading;
using EvalHarness.Loading.Formats;

namespace EvalHarness.Japanese.Formats;

/// <summary>
/// An evaluation file written by llm-jp-eval's preprocessing (<c>evaluation/test/jemhopqa.json</c>
/// and the like): one JSON object whose <c>instruction</c> applies to every entry of <c>samples</c>. The
/// first <c>dataset.few_shots</c> entries of <c>few_shots</c> (default 4, llm-jp-eval's
/// <c>num_few_shots</c>) go before each sample as user/assistant pairs, and <c>output_length</c> becomes the
/// sample's max_tokens.
/// </summary>
internal sealed class LlmJpEvalFormat : IDatasetFormat
{
    /// <summary>llm-jp-eval's default <c>num_few_shots</c>.</summary>
    public const int DefaultFewShots = 4;

    // Root, samples: a sample object sits inside two containers.
    private const int SampleDepth = 2;

    private LlmJpEvalFormat()
    {
    }

    public static IDatasetFormat Default { get; } = new LlmJpEvalFormat();

    public string Name => "llm-jp-eval";

    public string Description => "llm-jp-eval evaluation JSON (instruction, output_length, metrics, samples[input, output])";

    public IReadOnlyList<string> Extensions { get; } = [];

    public bool MapsFields => false;

    public bool TextCells => false;

    public string? SourceIdField => null;

    public bool UsesFewShots => true;

    public IReadOnlyList<RawRecord> Read(DatasetSource source, DiagnosticBag diagnostics)
    {
        var records = new List<RawRecord>();
        if (LocatedJson.Parse(source.Text, source.DisplayPath, SampleDepth, diagnostics) is not { } json)
        {
            return records;
        }

        if (json.Root is not JsonObject rootObject)
        {
            diagnostics.Error(source.DisplayPath, 1, 1, null, $"must be one JSON object with 'instruction' and 'samples', not {SourceFields.Describe(json.Root)}");
            return records;
        }

        var (rootLine, rootColumn) = json.PositionOf(string.Empty);
        var root = new SourceFields(rootObject, string.Empty, source.DisplayPath, rootLine, rootColumn, diagnostics);
        var instruction = root.Text("instruction");
        var outputLength = root.WholeNumber("output_length", 1, int.MaxValue, "the longest answer expected, in tokens");
        var metrics = root.TextList("metrics", required: true, minCount: 1);
        var samples = root.List("samples");
        var shots = FewShots(root, json, source.FewShots);
        if (samples is null)
        {
            return records;
        }

        // Samples are checked even when the header is broken, so one pass reports everything.
        var header = instruction is null || outputLength is null || metrics is null ? null : new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["output_length"] = outputLength.Value.ToString(CultureInfo.InvariantCulture),
            [MetadataKeys.MaxTokens] = outputLength.Value.ToString(CultureInfo.InvariantCulture),
            ["metrics"] = StandardRecord.JsonList(metrics),
            ["few_shots"] = (shots?.Count ?? 0).ToString(CultureInfo.InvariantCulture),
        };
        for (var i = 0; i < samples.Count; i++)
        {
            var path = ConfigPath.Index("samples", i);
            var (line, column) = json.PositionOf(path);
            if (root.Child(samples[i], path, line, column) is not { } sample)
            {
                continue;
            }

            var input = sample.Text("input");
            var output = sample.Text("output");
            if (input is null || output is null || instruction is null || header is null || shots is null)
            {
                continue;
            }

            var id = (i + 1).ToString(CultureInfo.InvariantCulture);
            records.Add(StandardRecord.Create(line, id, Conversation(instruction, shots, input), targets: [output], metadata: header));
        }

        if (samples.Count == 0)
        {
            root.Error(root.Field("samples"), "is an empty list; the file has no samples to evaluate");
        }

        return records;
    }

    /// <summary>The instruction, each example as a user question and the assistant's answer, then the sample's question.</summary>
    private static JsonArray Conversation(string instruction, List<(string Input, string Output)> shots, string input)
    {
        var messages = new JsonArray(new JsonObject { ["role"] = MessageRoles.System, ["content"] = instruction });
        foreach (var (shotInput, shotOutput) in shots)
        {
            messages.Add((JsonNode)new JsonObject { ["role"] = MessageRoles.User, ["content"] = shotInput });
            messages.Add((JsonNode)new JsonObject { ["role"] = MessageRoles.Assistant, ["content"] = shotOutput });
        }

        messages.Add((JsonNode)new JsonObject { ["role"] = MessageRoles.User, ["content"] = input });
        return messages;
    }

    /// <summary>
    /// The examples to use; null (after reporting) when they are broken or fewer than asked for. llm-jp-eval
    /// refuses to run with fewer examples than <c>num_few_shots</c>; so does an explicit <c>dataset.few_shots</c>.
    /// With the default, a file with fewer examples (or none) uses what it has.
    /// </summary>
    private static List<(string Input, string Output)>? FewShots(SourceFields root, LocatedJson json, int? requested)
    {
        var wanted = requested ?? DefaultFewShots;
        var list = root.List("few_shots", required: false);
        if (list is null)
        {
            if (requested is > 0)
            {
                root.Error(root.Field("few_shots"), $"is missing, but dataset.few_shots asks for {wanted} examples");
                return null;
            }

            return [];
        }

        if (requested is { } n && list.Count < n)
        {
            root.Error(root.Field("few_shots"), $"has {list.Count} examples, but dataset.few_shots asks for {n}");
            return null;
        }

        var shots = new List<(string, string)>();
        for (var i = 0; i < Math.Min(wanted, list.Count); i++)
        {
            var path = ConfigPath.Index("few_shots", i);
            var (line, column) = json.PositionOf(path);
            if (root.Child(list[i], path, line, column) is { } shot && shot.Text("input") is { } input && shot.Text("output") is { } output)
            {
                shots.Add((input, output));
            }
            else
            {
                return null;
            }
        }

        return shots;
    }
}
