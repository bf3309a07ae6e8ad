using System.Text.Json.Nodes;
using EvalHarness.Validation;
using EvalHarness.Loading;
using EvalHarness.Loading.Formats;

namespace EvalHarness.Japanese.Formats;

/// <summary>
/// Japanese MT-Bench's <c>question.jsonl</c> (FastChat's llm_judge layout): <c>question_id</c>,
/// <c>category</c>, <c>turns</c> and, for questions with a reference answer, <c>reference</c>.
/// The first turn is the input; the later turns travel in metadata for the <c>multi_turn</c> solver step,
/// which asks them after the model's answers. The target is the last turn's reference.
/// </summary>
internal sealed class MtBenchJaFormat : IDatasetFormat
{
    public const string FollowUpTurnsKey = "follow_up_turns";
    public const string FollowUpReferencesKey = "follow_up_references";

    private MtBenchJaFormat()
    {
    }

    public static IDatasetFormat Default { get; } = new MtBenchJaFormat();

    public string Name => "mt-bench-ja";

    public string Description => "Japanese MT-Bench question JSON Lines (question_id, category, turns, reference): turns[0] as input, later turns for the multi_turn step, last turn's reference as target";

    public IReadOnlyList<string> Extensions { get; } = [];

    public bool MapsFields => false;

    public bool TextCells => false;

    public string? SourceIdField => "question_id";

    public IReadOnlyList<RawRecord> Read(DatasetSource source, DiagnosticBag diagnostics)
    {
        var records = new List<RawRecord>();
        foreach (var line in JsonlReader.Read(source, diagnostics))
        {
            var fields = new SourceFields(line.Fields, string.Empty, source.DisplayPath, line.Line, 0, diagnostics);
            var id = fields.Id("question_id");
            var category = fields.Text("category");
            var turns = fields.TextList("turns", required: true, minCount: 1);
            var references = fields.TextList("reference", required: false, minCount: 0);
            if (fields.HasErrors || id is null || category is null || turns is null)
            {
                continue;
            }

            var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["category"] = category,
                [FollowUpTurnsKey] = StandardRecord.JsonList(turns.Skip(1)),
            };
            if (references is { Count: > 1 })
            {
                metadata[FollowUpReferencesKey] = StandardRecord.JsonList(references.Skip(1));
            }

            // The answer scored is the last one asked: with the multi_turn step, the last turn's; without it, the first's
            // (SampleChecks warns when follow-up turns go unasked). The target is the reference of the last turn.
            var targets = references is { Count: > 0 } ? new[] { references[Math.Min(turns.Count, references.Count) - 1] } : null;
            records.Add(StandardRecord.Create(line.Line, id, (JsonNode)turns[0], targets: targets, metadata: metadata));
        }

        return records;
    }
}
