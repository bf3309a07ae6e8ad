using EvalHarness.Validation;

namespace EvalHarness.Loading.Formats;

/// <summary>JSON Lines with any field names; <c>dataset.fields</c> maps them to the sample's.</summary>
internal sealed class JsonlFormat : IStreamingDatasetFormat
{
    private JsonlFormat()
    {
    }

    public static IDatasetFormat Default { get; } = new JsonlFormat();

    public string Name => "jsonl";

    public string Description => "JSON Lines, one object per line; field names mapped by dataset.fields";

    public IReadOnlyList<string> Extensions { get; } = [".jsonl", ".ndjson"];

    public bool MapsFields => true;

    public bool TextCells => false;

    public string? SourceIdField => null;

    public IReadOnlyList<RawRecord> Read(DatasetSource source, DiagnosticBag diagnostics) =>
        JsonlReader.Read(source, diagnostics);

    public IEnumerable<RawRecord> Stream(StreamedDatasetSource source, DiagnosticBag diagnostics) =>
        JsonlReader.Stream(source.Text, source.DisplayPath, diagnostics, source.Limits.MaxRecordBytes);
}
