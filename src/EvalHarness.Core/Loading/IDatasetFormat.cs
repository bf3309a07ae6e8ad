using EvalHarness.Extensions;
using EvalHarness.Validation;

namespace EvalHarness.Loading;

/// <summary>
/// A dataset file format, selected by <c>dataset.format</c> or by the file's extension. It turns the
/// file's text into records; problems go to the diagnostics with file, line and field, and reading
/// goes on so one pass reports everything.
/// </summary>
public interface IDatasetFormat : IExtension
{
    /// <summary>Lower-case extensions with the dot (".jsonl") that select this format when <c>dataset.format</c> is not set; empty when it must be named.</summary>
    IReadOnlyList<string> Extensions { get; }

    /// <summary>
    /// True when records keep the file's own field names and <c>dataset.fields</c> says which is which
    /// (jsonl, csv); false when the format already produces the harness's names (id, input, target,
    /// choices, metadata), so a field mapping would only get in the way.
    /// </summary>
    bool MapsFields { get; }

    /// <summary>True when every field arrives as text (CSV cells): an empty cell means no value and list fields may hold a JSON list.</summary>
    bool TextCells { get; }

    /// <summary>The file's own name for the sample id, used in messages about duplicate ids; null when <c>dataset.fields</c> names it.</summary>
    string? SourceIdField { get; }

    /// <summary>True when the format's files carry few-shot examples that <c>dataset.few_shots</c> selects.</summary>
    bool UsesFewShots => false;

    IReadOnlyList<RawRecord> Read(DatasetSource source, DiagnosticBag diagnostics);
}
