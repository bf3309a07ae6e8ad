using System.Globalization;
using EvalHarness.Suites;
using EvalHarness.Validation;
using EvalHarness.Loading;
using EvalHarness.Loading.Formats;

namespace EvalHarness.Japanese.Formats;

/// <summary>
/// JGLUE's JCommonsenseQA as distributed (<c>train-v1.1.json</c>, <c>valid-v1.1.json</c>): despite
/// the extension, JSON Lines of <c>q_id</c>, <c>question</c>, <c>choice0</c>..<c>choice4</c> and a
/// 0-based <c>label</c>.
/// </summary>
internal sealed class JCommonsenseQaFormat : IDatasetFormat
{
    private const int ChoiceCount = 5;

    private JCommonsenseQaFormat()
    {
    }

    public static IDatasetFormat Default { get; } = new JCommonsenseQaFormat();

    public string Name => "jcommonsenseqa";

    public string Description => "JGLUE JCommonsenseQA JSON Lines (q_id, question, choice0..choice4, label): five-way multiple choice";

    public IReadOnlyList<string> Extensions { get; } = [];

    public bool MapsFields => false;

    public bool TextCells => false;

    public string? SourceIdField => "q_id";

    public IReadOnlyList<RawRecord> Read(DatasetSource source, DiagnosticBag diagnostics)
    {
        var records = new List<RawRecord>();
        foreach (var line in JsonlReader.Read(source, diagnostics))
        {
            var fields = new SourceFields(line.Fields, string.Empty, source.DisplayPath, line.Line, 0, diagnostics);
            var id = fields.Id("q_id");
            var question = fields.Text("question");
            var choices = new List<string>(ChoiceCount);
            for (var i = 0; i < ChoiceCount; i++)
            {
                if (fields.Text("choice" + i.ToString(CultureInfo.InvariantCulture)) is { } choice)
                {
                    choices.Add(choice);
                }
            }

            var label = fields.WholeNumber("label", 0, ChoiceCount - 1, "the index of the correct choice");
            if (fields.HasErrors || id is null || question is null || label is not { } answer)
            {
                continue;
            }

            records.Add(StandardRecord.Create(line.Line, id, question, targets: [ChoiceLabels.Letter(answer).ToString()], choices: choices));
        }

        return records;
    }
}
