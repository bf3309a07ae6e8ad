namespace EvalHarness.Benchmarks.Throughput;

/// <summary>
/// What <see cref="MeasuredProcess"/> reports about the one process it ran: monotonic timestamps just before
/// it was started and just after it was reaped, its exit code, its own resource use from getrusage, and its RSS
/// and CPU time sampled while it ran.
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
    /// <summary>RSS and CPU time sampled while it ran, for each phase's share.</summary>
    public IReadOnlyList<ProcessSample> Samples { get; init; } = [];

    public double CpuSeconds => UserCpuSeconds + SystemCpuSeconds;
}
