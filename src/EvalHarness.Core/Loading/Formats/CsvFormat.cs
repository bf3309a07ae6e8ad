using EvalHarness.Validation;

namespace EvalHarness.Loading.Formats;

/// <summary>CSV with a header row, separated by <c>dataset.delimiter</c> (a comma by default).</summary>
internal sealed class CsvFormat : IStreamingDatasetFormat
{
    private CsvFormat()
    {
    }

    public static IDatasetFormat Default { get; } = new CsvFormat();

    public string Name => "csv";

    public string Description => "CSV with a header row; columns mapped by dataset.fields, separator set by dataset.delimiter";

    public IReadOnlyList<string> Extensions { get; } = [".csv"];

    public bool MapsFields => true;

    public bool TextCells => true;

    public string? SourceIdField => null;

    public IReadOnlyList<RawRecord> Read(DatasetSource source, DiagnosticBag diagnostics) =>
        CsvDatasetReader.Read(source.Text, source.DisplayPath, source.Delimiter, diagnostics, SwitchTo);

    public IEnumerable<RawRecord> Stream(StreamedDatasetSource source, DiagnosticBag diagnostics) =>
        CsvDatasetReader.Stream(source.Text, source.DisplayPath, source.Delimiter, diagnostics, SwitchTo);

    private static string SwitchTo(char likely) => $"set dataset.delimiter: {CsvDatasetReader.AsYaml(likely)}";
}
