namespace EvalHarness.Benchmarks.Throughput;

/// <summary>
/// The measured program at one monotonic timestamp (<see cref="System.Diagnostics.Stopwatch"/> ticks, comparable
/// across processes): its resident set size and the CPU time (user + system) it has used so far.
/// </summary>
internal sealed record ProcessSample(long At, long RssKib, double CpuSeconds);
