using EvalHarness.Logs;

namespace EvalHarness.Engine;

/// <summary>
/// Gives memory back between the phases of a large run. The collector keeps what a phase freed (a million prompts
/// after the requests, a million outcomes after the results) for the next allocation, so the process's peak would be
/// the sum of its phases; an aggressive full collection at each boundary makes it their maximum instead.
/// </summary>
public static class LargeRunMemory
{
    /// <summary>Compacts the heap and returns free memory to the system when the run's records are read from disk (a run of hundreds of thousands of samples); a smaller run would only pay the pause.</summary>
    public static void Release(RunLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (log.SamplesOnDisk)
        {
            Collect();
        }
    }

    /// <summary>After loading: parsing a dataset of hundreds of thousands of samples leaves as much garbage as samples.</summary>
    public static void AfterLoading(int samples)
    {
        if (samples >= LargeDataset)
        {
            Collect();
        }
    }

    /// <summary>Samples from which a dataset counts as large; below, a collection would cost more than it returns.</summary>
    public const int LargeDataset = 200_000;

    internal static void Collect() => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
}
