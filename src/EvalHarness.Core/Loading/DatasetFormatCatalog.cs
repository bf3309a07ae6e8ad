using EvalHarness.Extensions;

namespace EvalHarness.Loading;

/// <summary>The dataset formats a suite may name in <c>dataset.format</c>, and which file extensions imply which format.</summary>
public sealed class DatasetFormatCatalog
{
    private readonly NamedCatalog<IDatasetFormat> _formats;
    private readonly Dictionary<string, IDatasetFormat> _byExtension = new(StringComparer.OrdinalIgnoreCase);

    public DatasetFormatCatalog(NamedCatalog<IDatasetFormat> formats)
    {
        _formats = formats;
        foreach (var format in formats.InOrder)
        {
            foreach (var extension in format.Extensions)
            {
                // Two formats claiming one extension would make inference depend on registration order.
                if (!_byExtension.TryAdd(extension, format))
                {
                    throw new InvalidOperationException($"the dataset formats '{_byExtension[extension].Name}' and '{format.Name}' both claim '{extension}'");
                }
            }
        }
    }

    /// <summary>Every format, by name: what <c>evalh list formats</c> shows.</summary>
    public IEnumerable<IDatasetFormat> All => _formats.All;

    public IEnumerable<string> Names => _formats.Names;

    public bool TryGet(string name, out IDatasetFormat format) => _formats.TryGet(name, out format);

    /// <summary>The format a file extension implies (".jsonl", case ignored), or null when it must be named.</summary>
    public IDatasetFormat? ForExtension(string extension) => _byExtension.GetValueOrDefault(extension);

    public string? PackOf(string name) => _formats.PackOf(name);
}
