using EvalHarness.Reports;

namespace EvalHarness.Logs;

/// <summary>
/// A log's records sorted for people (suites in run order, then id, then epoch), whether they are in memory or on
/// disk: the log is in completion order, which depends on concurrency, and two runs of the same suite should give
/// sheets that line up row by row.
/// </summary>
public static class SampleOrder
{
    // Keys carry their suite's position, looked up once per record rather than twice per comparison.
    private static readonly Comparer<(int Position, string Suite, string Id, int Epoch)> ByKey = Comparer<(int Position, string Suite, string Id, int Epoch)>.Create((a, b) =>
    {
        var order = a.Position.CompareTo(b.Position);
        order = order != 0 ? order : string.CompareOrdinal(a.Suite, b.Suite);
        order = order != 0 ? order : string.CompareOrdinal(a.Id, b.Id);
        return order != 0 ? order : a.Epoch.CompareTo(b.Epoch);
    });

    public static IEnumerable<SampleRecord> BySuiteIdEpoch(RunLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var suiteOrder = log.Header.Suites.Select((s, i) => (s.Name, i)).DistinctBy(p => p.Name).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        var (onDisk, masked) = log.Samples switch
        {
            LoggedSamples disk => (disk, false),
            MaskedSamples { Inner: LoggedSamples disk } => (disk, true),
            _ => (null, false),
        };
        if (onDisk is null)
        {
            return log.Samples.OrderBy(r => (suiteOrder.GetValueOrDefault(r.Suite, int.MaxValue), r.Suite, r.Id, r.Epoch), ByKey);
        }

        // Only the keys are held to sort; the records are read again in the sorted order.
        var keys = new List<(int Position, string Suite, string Id, int Epoch)>(onDisk.Count);
        foreach (var record in onDisk)
        {
            keys.Add((suiteOrder.GetValueOrDefault(record.Suite, int.MaxValue), string.IsInterned(record.Suite) ?? record.Suite, record.Id, record.Epoch));
        }

        var indices = Enumerable.Range(0, keys.Count).ToArray();
        Array.Sort(indices, (a, b) => ByKey.Compare(keys[a], keys[b]) is var c && c != 0 ? c : a.CompareTo(b));
        keys.Clear();
        var sorted = onDisk.ReadAt(indices);
        return masked ? sorted.Select(OutputMasking.Mask) : sorted;
    }
}
