namespace EvalHarness.Benchmarks.Throughput;

/// <summary>
/// What <see cref="MeasuredProcess"/> reports about the one process it ran: monotonic timestamps just before
/// it was started and just after it was reaped, its exit code, and its own resource use from getrusage, and its RSS sampled over time.
/// </summary>
internal sealed record ChildUsage(
    long Start,
    long Exit,
    int ExitCode,
    double UserCpuSeconds,
    double SystemCpuSeconds,
    long MaxRssKib,
    long VoluntarySwitches,
    long InvoluntarySwitches)
{
    /// <summary>Resident set size sampled while it ran, for the peak of each phase.</summary>
    public IReadOnlyList<RssSample> Rss { get; init; } = [];

    public double CpuSeconds => UserCpuSeconds + SystemCpuSeconds;
}
