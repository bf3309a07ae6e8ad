using System.Globalization;
using System.Text.Json.Nodes;
using EvalHarness.Configuration;
using EvalHarness.Validation;

namespace EvalHarness.Loading.Formats;

/// <summary>
/// An evaluation file written by llm-jp-eval's preprocessing (<c>evaluation/test/jemhopqa.json</c>
/// and the like): one JSON object whose <c>instruction</c> applies to every entry of <c>samples</c>.
/// </summary>
public sealed class LlmJpEvalFormat : IDatasetFormat
{
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
        var outputLength = root.Integer("output_length", 1, int.MaxValue, "the longest answer expected, in tokens");
        var metrics = root.TextList("metrics", required: true, minCount: 1);
        var samples = root.List("samples");
        if (samples is null)
        {
            return records;
        }

        // Samples are checked even when the header is broken, so one pass reports everything.
        var header = instruction is null || outputLength is null || metrics is null ? null : new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["output_length"] = outputLength.Value.ToString(CultureInfo.InvariantCulture),
            ["metrics"] = StandardRecord.JsonList(metrics),
        };
        for (var i = 0; i < samples.Count; i++)
        {
            var path = ConfigPath.Index("samples", i);
            var (line, column) = json.PositionOf(path);
            if (root.Object(samples[i], path, line, column) is not { } sample)
            {
                continue;
            }

            var input = sample.Text("input");
            var output = sample.Text("output");
            if (input is null || output is null || instruction is null || header is null)
            {
                continue;
            }

            var id = (i + 1).ToString(CultureInfo.InvariantCulture);
            records.Add(StandardRecord.Create(line, id, StandardRecord.SystemAndUser(instruction, input), targets: [output], metadata: header));
        }

        if (samples.Count == 0)
        {
            root.Error(root.Field("samples"), "is an empty list; the file has no samples to evaluate");
        }

        return records;
    }
}
