using EvalHarness.Loading;
using EvalHarness.Validation;

namespace EvalHarness.Tests.Loading;

/// <summary>A streaming format seen only through <see cref="IDatasetFormat.Read"/>: the loader's list path, to compare the streamed one with.</summary>
internal sealed class ListOnlyFormat(IDatasetFormat inner) : IDatasetFormat
{
    public string Name => inner.Name;

    public string Description => inner.Description;

    public IReadOnlyList<string> Extensions => inner.Extensions;

    public bool MapsFields => inner.MapsFields;

    public bool TextCells => inner.TextCells;

    public string? SourceIdField => inner.SourceIdField;

    public IReadOnlyList<RawRecord> Read(DatasetSource source, DiagnosticBag diagnostics) => inner.Read(source, diagnostics);
}
