using System.Collections;
using EvalHarness.Logs;

namespace EvalHarness.Reports;

/// <summary>A log's records as reports show them, masked one by one as they are read: a large log's records stay on disk.</summary>
internal sealed class MaskedSamples(IReadOnlyList<SampleRecord> inner) : IReadOnlyList<SampleRecord>
{
    public IReadOnlyList<SampleRecord> Inner => inner;

    public int Count => inner.Count;

    public SampleRecord this[int index] => OutputMasking.Mask(inner[index]);

    public IEnumerator<SampleRecord> GetEnumerator()
    {
        foreach (var record in inner)
        {
            yield return OutputMasking.Mask(record);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
