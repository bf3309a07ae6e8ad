using EvalHarness.Suites;
using EvalHarness.Validation;
using EvalHarness.Loading;
using EvalHarness.Loading.Formats;

namespace EvalHarness.Japanese.Formats;

/// <summary>
/// JGLUE's JNLI as distributed: JSON Lines of <c>sentence_pair_id</c>, <c>sentence1</c> (premise),
/// <c>sentence2</c> (hypothesis) and <c>label</c>. Each pair becomes a three-way multiple-choice
/// item whose options are the labels themselves.
/// </summary>
internal sealed class JnliFormat : IDatasetFormat
{
    private JnliFormat()
    {
    }

    public static IDatasetFormat Default { get; } = new JnliFormat();

    /// <summary>The options, in the order JGLUE numbers its labels, so letters A, B, C stay the same for every item.</summary>
    public static IReadOnlyList<string> Labels { get; } = ["entailment", "contradiction", "neutral"];

    public string Name => "jnli";

    public string Description => "JGLUE JNLI JSON Lines (sentence_pair_id, sentence1, sentence2, label): entailment, contradiction or neutral";

    public IReadOnlyList<string> Extensions { get; } = [];

    public bool MapsFields => false;

    public bool TextCells => false;

    public string? SourceIdField => "sentence_pair_id";

    public IReadOnlyList<RawRecord> Read(DatasetSource source, DiagnosticBag diagnostics)
    {
        var records = new List<RawRecord>();
        foreach (var line in JsonlReader.Read(source, diagnostics))
        {
            var fields = new SourceFields(line.Fields, string.Empty, source.DisplayPath, line.Line, 0, diagnostics);
            var id = fields.Id("sentence_pair_id");
            var premise = fields.Text("sentence1");
            var hypothesis = fields.Text("sentence2");
            var label = fields.Text("label");
            var index = label is null ? -1 : IndexOf(label);
            if (label is not null && index < 0)
            {
                fields.Error(fields.Field("label"), $"'{label}' is not a JNLI label; use entailment, contradiction or neutral");
            }

            if (fields.HasErrors || id is null || premise is null || hypothesis is null || label is null)
            {
                continue;
            }

            var input = FormatPrompts.Render(FormatPrompts.Jnli, new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["premise"] = premise,
                ["hypothesis"] = hypothesis,
            });
            records.Add(StandardRecord.Create(
                line.Line,
                id,
                input,
                targets: [ChoiceLabels.Letter(index).ToString()],
                choices: Labels,
                metadata: [new("label", Labels[index])]));
        }

        return records;
    }

    private static int IndexOf(string label)
    {
        for (var i = 0; i < Labels.Count; i++)
        {
            if (string.Equals(Labels[i], label.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
