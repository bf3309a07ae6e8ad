using EvalHarness.Loading;
using EvalHarness.Validation;

namespace EvalHarness.Risk.Hallucination;

/// <summary>
/// TruthfulQA-format data, so users can run their own copy of TruthfulQA or JTruthfulQA (neither is shipped):
/// the multiple-choice JSON (<c>mc1_targets</c>/<c>mc2_targets</c> as answer → 0/1, or Hugging Face's
/// <c>{choices, labels}</c>; a JSON list or JSON Lines) and the generation CSV (<c>Type, Category, Question,
/// Best Answer, Correct Answers, Incorrect Answers, Source</c>, or JTruthfulQA's <c>Original Answer</c> and
/// Python-list cells). The file's first character decides: <c>[</c> or <c>{</c> is JSON, anything else CSV.
/// </summary>
internal sealed class TruthfulQaFormat : IDatasetFormat
{
    private TruthfulQaFormat()
    {
    }

    public static IDatasetFormat Default { get; } = new TruthfulQaFormat();

    public string Name => "truthfulqa";

    public string Description => "TruthfulQA / JTruthfulQA: MC JSON (mc1_targets, mc2_targets) as MC1 and MC2 samples, or the generation CSV (Question, Best/Original Answer, Correct Answers, Incorrect Answers) as free answers for a judge";

    public IReadOnlyList<string> Extensions { get; } = [];

    public bool MapsFields => false;

    public bool TextCells => false;

    public string? SourceIdField => null;

    public IReadOnlyList<RawRecord> Read(DatasetSource source, DiagnosticBag diagnostics)
    {
        var first = source.Text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        var records = first.StartsWith('[') || first.StartsWith('{')
            ? TruthfulQaJson.Read(source, diagnostics)
            : TruthfulQaCsv.Read(source, diagnostics);
        if (records.Count == 0 && !diagnostics.HasErrors)
        {
            diagnostics.Error(source.DisplayPath, 0, 0, null, "the file has no questions");
        }

        return records;
    }
}
