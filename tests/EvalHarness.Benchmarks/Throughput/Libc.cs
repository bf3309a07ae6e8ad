using System.Runtime.InteropServices;

namespace EvalHarness.Benchmarks.Throughput;

/// <summary>
/// The Linux calls the benchmark needs and .NET does not expose: the resources used by reaped children
/// (the measured process's own CPU and peak RSS, nothing of the benchmark's) and an absolute monotonic sleep.
/// DllImport rather than LibraryImport: the structs are blittable, and the generated form needs unsafe code.
/// </summary>
internal static class Libc
{
    public const int RusageChildren = -1;
    public const int ClockMonotonic = 1;
    public const int TimerAbstime = 1;

    [DllImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    public static extern int GetRusage(int who, out Rusage usage);

    /// <summary>Returns the error number itself (0 on success), not -1 and errno.</summary>
    [DllImport("libc", EntryPoint = "clock_nanosleep")]
    public static extern int ClockNanosleep(int clock, int flags, ref Timespec request, IntPtr remain);
}
