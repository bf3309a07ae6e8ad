using System.Diagnostics;
using System.Globalization;

namespace EvalHarness.Benchmarks.Throughput;

/// <summary>
/// When a loopback server's requests arrived and its responses ended, on the monotonic clock
/// (<see cref="Stopwatch.GetTimestamp"/> is CLOCK_MONOTONIC on Linux), so the benchmark can set them
/// against the timestamps the measuring wrapper took around the harness in another process.
/// </summary>
internal sealed class ServerStats
{
    private long _first;
    private long _last;
    private long _count;
    private TimeSpan _cpu = Process.GetCurrentProcess().TotalProcessorTime;

    public void Arrived()
    {
        Interlocked.CompareExchange(ref _first, Stopwatch.GetTimestamp(), 0);
    }

    public void Answered()
    {
        var now = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref _count);
        // Responses finish out of order across threads: keep the latest, not the last written.
        var seen = Interlocked.Read(ref _last);
        while (now > seen)
        {
            var previous = Interlocked.CompareExchange(ref _last, now, seen);
            if (previous == seen)
            {
                break;
            }

            seen = previous;
        }
    }

    /// <summary>
    /// The figures since the last call, as one line (<c>requests first last cpu-seconds</c>), then zero: each
    /// measured run starts clean. The server's CPU time is shown beside the harness's because on a small
    /// machine the two compete for the same cores.
    /// </summary>
    public string TakeLine()
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{Interlocked.Exchange(ref _count, 0)} {Interlocked.Exchange(ref _first, 0)} {Interlocked.Exchange(ref _last, 0)} {(cpu - _cpu).TotalSeconds}");
        _cpu = cpu;
        return line;
    }
}
