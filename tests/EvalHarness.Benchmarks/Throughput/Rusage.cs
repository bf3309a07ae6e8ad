using System.Runtime.InteropServices;

namespace EvalHarness.Benchmarks.Throughput;

/// <summary>Linux x86-64 <c>struct rusage</c> (144 bytes); every field is declared so the layout matches.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct Rusage
{
    public Timeval UserTime;
    public Timeval SystemTime;
    /// <summary>Peak resident set size in KiB; for RUSAGE_CHILDREN, of the largest reaped child.</summary>
    public long MaxRss;
    public long SharedMemory;
    public long UnsharedData;
    public long UnsharedStack;
    public long MinorFaults;
    public long MajorFaults;
    public long Swaps;
    public long BlockInputs;
    public long BlockOutputs;
    public long MessagesSent;
    public long MessagesReceived;
    public long Signals;
    public long VoluntarySwitches;
    public long InvoluntarySwitches;
}
