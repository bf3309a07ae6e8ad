using System.Runtime.InteropServices;

namespace EvalHarness.Benchmarks.Throughput;

/// <summary>Linux x86-64 <c>struct timeval</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct Timeval
{
    public long Seconds;
    public long Microseconds;

    public readonly double TotalSeconds => Seconds + (Microseconds / 1e6);
}
