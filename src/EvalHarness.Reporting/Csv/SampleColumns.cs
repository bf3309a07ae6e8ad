using CsvHelper;
using EvalHarness.Logs;
using EvalHarness.Suites;

namespace EvalHarness.Reporting.Csv;

/// <summary>The columns of samples.csv: fixed ones around a value and an explanation column per scorer id of the run.</summary>
internal sealed class SampleColumns
{
    private const string ListSeparator = " | ";

    private static readonly string[] Leading =
        ["suite", "id", "epoch", "category", "risk", "perspective", "language", "input", "output", "targets", "choices"];

    private static readonly string[] Trailing =
        ["error_kind", "error_message", "attempts", "cached", "latency_ms", "input_tokens", "output_tokens"];

    private readonly IReadOnlyList<string> _scorerIds;

    private SampleColumns(IReadOnlyList<string> scorerIds)
    {
        _scorerIds = scorerIds;
    }

    public IEnumerable<string> Names =>
        Leading.Concat(_scorerIds.SelectMany(id => new[] { id + ".value", id + ".explanation" })).Concat(Trailing);

    /// <summary>Scorer ids in suite order, each once even when several suites use it, so one sheet holds every suite.</summary>
    public static SampleColumns For(LogHeader header) =>
        new(header.Suites.SelectMany(s => s.Scorers).Select(s => s.Id).Distinct(StringComparer.Ordinal).ToList());

    public void WriteRow(CsvWriter csv, SampleRecord record)
    {
        csv.WriteField(CsvCells.Text(record.Suite));
        csv.WriteField(CsvCells.Text(record.Id));
        csv.WriteField(CsvCells.Integer(record.Epoch));
        csv.WriteField(CsvCells.Text(record.Metadata.GetValueOrDefault(MetadataKeys.Category)));
        csv.WriteField(CsvCells.Text(record.Metadata.GetValueOrDefault(MetadataKeys.Risk)));
        csv.WriteField(CsvCells.Text(record.Metadata.GetValueOrDefault(MetadataKeys.Perspective)));
        csv.WriteField(CsvCells.Text(record.Metadata.GetValueOrDefault(MetadataKeys.Language)));

        // The last user message is the question itself; system prompts and few-shot turns would drown it.
        csv.WriteField(CsvCells.Text(record.Input.LastOrDefault(m => m.Role == MessageRoles.User)?.Content));
        csv.WriteField(CsvCells.Text(record.Output));
        csv.WriteField(CsvCells.Text(string.Join(ListSeparator, record.Targets)));
        csv.WriteField(CsvCells.Text(string.Join(ListSeparator, record.Choices)));

        foreach (var id in _scorerIds)
        {
            var score = record.Scores?.GetValueOrDefault(id);
            csv.WriteField(CsvCells.Number(score?.Value));

            // A scorer that could not decide has no explanation; its error is the explanation a reviewer needs.
            csv.WriteField(CsvCells.Text(score?.Explanation ?? score?.Error));
        }

        csv.WriteField(CsvCells.Text(record.Error?.Kind));
        csv.WriteField(CsvCells.Text(record.Error?.Message));
        csv.WriteField(CsvCells.Integer(record.Attempts));
        csv.WriteField(CsvCells.Boolean(record.Cached));
        csv.WriteField(CsvCells.Number(record.LatencyMs));
        csv.WriteField(CsvCells.Integer(record.Usage?.InputTokens));
        csv.WriteField(CsvCells.Integer(record.Usage?.OutputTokens));
    }
}
