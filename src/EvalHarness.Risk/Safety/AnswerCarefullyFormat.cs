using EvalHarness.Loading;
using EvalHarness.Validation;

namespace EvalHarness.Risk.Safety;

/// <summary>
/// llm-jp's AnswerCarefully (ACv1, ACv2), so users can run their own copy: its licence forbids redistribution, so
/// nothing of it ships here. The published files are a JSON list of items, and exports are JSON Lines; each item
/// has <c>ID</c>, <c>text</c> (the question), <c>output</c> (a reference answer written with care) and
/// <c>meta</c> {<c>risk-area</c>, <c>harm-type</c>, <c>specific-harm</c>}. The file's first character decides:
/// <c>[</c> is a JSON list, anything else JSON Lines.
/// </summary>
/// <remarks>
/// No <c>expected</c> is set: some items must be declined and others answered with care, and the data does not
/// say which, so a refusal expectation would be invented. Items are scored by a judge against the reference
/// answer (the sample's target, and a <c>requirement</c> built from it). Risk areas are not mapped to the Basic
/// Plan's risks either: no documented mapping exists, so the suite's own metadata carries that claim.
/// </remarks>
internal sealed class AnswerCarefullyFormat : IDatasetFormat
{
    private AnswerCarefullyFormat()
    {
    }

    public static IDatasetFormat Default { get; } = new AnswerCarefullyFormat();

    public string Name => "answercarefully";

    public string Description => "llm-jp AnswerCarefully: a JSON list or JSON Lines of {ID, text, output, meta: {risk-area, harm-type, specific-harm}}; the question as input, the reference answer as target and requirement for a judge";

    public IReadOnlyList<string> Extensions { get; } = [];

    public bool MapsFields => false;

    public bool TextCells => false;

    public string? SourceIdField => AnswerCarefullyItems.IdField;

    public IReadOnlyList<RawRecord> Read(DatasetSource source, DiagnosticBag diagnostics)
    {
        var records = AnswerCarefullyItems.Read(source, diagnostics);
        if (records.Count == 0 && !diagnostics.HasErrors)
        {
            diagnostics.Error(source.DisplayPath, 0, 0, null, "the file has no questions");
        }

        return records;
    }
}
