using System.Diagnostics;

namespace EvalHarness.Benchmarks.Throughput;

/// <summary>A server's requests in one measured run: how many, the first arrival and the last response's end (monotonic timestamps), and the server's own CPU time.</summary>
internal sealed record ServerWindow(long Requests, long First, long Last, double CpuSeconds)
{
    public double Seconds => (Last - First) / (double)Stopwatch.Frequency;

    /// <summary>Requests per second over the request phase.</summary>
    public double Rate => Requests / Seconds;
}
