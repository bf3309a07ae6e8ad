using EvalHarness.Validation;

namespace EvalHarness.Loading.Formats;

/// <summary>Tab-separated values: CSV whose separator is always a tab, whatever <c>dataset.delimiter</c> says.</summary>
internal sealed class TsvFormat : IStreamingDatasetFormat
{
    private TsvFormat()
    {
    }

    public static IDatasetFormat Default { get; } = new TsvFormat();

    public string Name => "tsv";

    public string Description => "tab-separated values with a header row; columns mapped by dataset.fields";

    public IReadOnlyList<string> Extensions { get; } = [".tsv"];

    public bool MapsFields => true;

    public bool TextCells => true;

    public string? SourceIdField => null;

    public IReadOnlyList<RawRecord> Read(DatasetSource source, DiagnosticBag diagnostics) =>
        CsvDatasetReader.Read(source.Text, source.DisplayPath, '\t', diagnostics, SwitchTo);

    public IEnumerable<RawRecord> Stream(StreamedDatasetSource source, DiagnosticBag diagnostics) =>
        CsvDatasetReader.Stream(source.Text, source.DisplayPath, '\t', diagnostics, SwitchTo);

    private static string SwitchTo(char likely) =>
        "the tsv format always reads tabs; set dataset.format: csv" + (likely == ',' ? string.Empty : $" and dataset.delimiter: {CsvDatasetReader.AsYaml(likely)}");
}
