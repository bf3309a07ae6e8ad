using EvalHarness.Loading.Formats;

namespace EvalHarness.Loading;

/// <summary>The dataset formats a suite may name in <c>dataset.format</c>, and which file extensions imply which format.</summary>
public sealed class DatasetFormatCatalog
{
    private readonly Dictionary<string, IDatasetFormat> _formats;
    private readonly Dictionary<string, IDatasetFormat> _byExtension;

    public DatasetFormatCatalog(IEnumerable<IDatasetFormat> formats)
    {
        _formats = formats.ToDictionary(f => f.Name, StringComparer.Ordinal);
        _byExtension = new Dictionary<string, IDatasetFormat>(StringComparer.OrdinalIgnoreCase);
        foreach (var format in _formats.Values)
        {
            foreach (var extension in format.Extensions)
            {
                // Two formats claiming one extension would make inference depend on registration order.
                if (!_byExtension.TryAdd(extension, format))
                {
                    throw new ArgumentException($"Formats '{_byExtension[extension].Name}' and '{format.Name}' both claim '{extension}'.", nameof(formats));
                }
            }
        }
    }

    public static DatasetFormatCatalog BuiltIn { get; } = new(
    [
        JsonlFormat.Default,
        CsvFormat.Default,
        TsvFormat.Default,
        JCommonsenseQaFormat.Default,
        JnliFormat.Default,
        JsquadFormat.Default,
        LlmJpEvalFormat.Default,
        ElyzaTasks100Format.Default,
        MtBenchJaFormat.Default,
    ]);

    /// <summary>Every format, by name: what <c>evalh list formats</c> shows.</summary>
    public IEnumerable<IDatasetFormat> All => _formats.Values.OrderBy(f => f.Name, StringComparer.Ordinal);

    public IEnumerable<string> Names => _formats.Keys.Order(StringComparer.Ordinal);

    public bool TryGet(string name, out IDatasetFormat format) => _formats.TryGetValue(name, out format!);

    /// <summary>The format a file extension implies (".jsonl", case ignored), or null when it must be named.</summary>
    public IDatasetFormat? ForExtension(string extension) => _byExtension.GetValueOrDefault(extension);

    public DatasetFormatCatalog With(IEnumerable<IDatasetFormat> more) => new(_formats.Values.Concat(more));
}
