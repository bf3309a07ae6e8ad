using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace EvalHarness.Benchmarks.Throughput;

/// <summary>
/// Reads a running process's RSS and CPU time from /proc every <see cref="Interval"/>, so that the figures can say in
/// which phase the memory and the CPU went (getrusage gives totals only). Sampled, it can miss a peak shorter than
/// the interval and counts CPU in the kernel's clock ticks (10 ms); the totals stay getrusage's. The reads are this
/// process's work, not the measured program's.
/// </summary>
internal sealed class ProcessSampler : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);
    private static readonly long PageKib = Environment.SystemPageSize / 1024;
    private static readonly double TicksPerSecond = ClockTicks();

    private readonly List<ProcessSample> _samples = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public ProcessSampler(int pid)
    {
        var proc = $"/proc/{pid.ToString(CultureInfo.InvariantCulture)}";
        _loop = Task.Run(() => LoopAsync(proc + "/statm", proc + "/stat"));
    }

    /// <summary>Stops sampling and returns the samples, in time order.</summary>
    public async Task<IReadOnlyList<ProcessSample>> StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        return _samples;
    }

    public async ValueTask DisposeAsync()
    {
        _ = await StopAsync();
        _stop.Dispose();
    }

    private async Task LoopAsync(string statm, string stat)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            if (Read(statm, stat) is { } sample)
            {
                _samples.Add(sample);
            }
        }
        while (await TickAsync(timer));
    }

    private async Task<bool> TickAsync(PeriodicTimer timer)
    {
        try
        {
            return await timer.WaitForNextTickAsync(_stop.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    // Null once the process has exited (or is a zombie, whose statm reads zero): nothing to record.
    private static ProcessSample? Read(string statm, string stat)
    {
        try
        {
            var at = Stopwatch.GetTimestamp();
            var pages = File.ReadAllText(statm).Split(' ');
            var rss = long.Parse(pages[1], CultureInfo.InvariantCulture) * PageKib;
            // proc(5): after the command name in parentheses, utime and stime are the 12th and 13th fields.
            var text = File.ReadAllText(stat);
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return rss > 0 ? new ProcessSample(at, rss, ticks / TicksPerSecond) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static double ClockTicks()
    {
        const int ScClkTck = 2;
        var ticks = Sysconf(ScClkTck);
        return ticks > 0 ? ticks : 100;
    }

    [DllImport("libc", EntryPoint = "sysconf")]
    private static extern long Sysconf(int name);
}
