using System.Runtime.InteropServices;

namespace EvalHarness.Benchmarks.Throughput;

/// <summary>Linux x86-64 <c>struct timespec</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct Timespec
{
    public long Seconds;
    public long Nanoseconds;
}
