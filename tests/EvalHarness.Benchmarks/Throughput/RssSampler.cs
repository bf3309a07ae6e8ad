using System.Diagnostics;
using System.Globalization;

namespace EvalHarness.Benchmarks.Throughput;

/// <summary>
/// Reads a running process's VmRSS from /proc every <see cref="Interval"/>, so that the figures can say in which
/// phase the memory went (getrusage gives the peak only). Sampled, it can miss a peak shorter than the interval;
/// the peak figure stays getrusage's. The reads are this process's work, not the measured program's.
/// </summary>
internal sealed class RssSampler : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly List<RssSample> _samples = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public RssSampler(int pid)
    {
        _loop = Task.Run(() => LoopAsync($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status"));
    }

    /// <summary>Stops sampling and returns the samples, in time order.</summary>
    public async Task<IReadOnlyList<RssSample>> StopAsync()
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

    private async Task LoopAsync(string status)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            if (Read(status) is { } kib)
            {
                _samples.Add(new RssSample(Stopwatch.GetTimestamp(), kib));
            }
        }
        while (await Tick(timer));
    }

    private async Task<bool> Tick(PeriodicTimer timer)
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

    // Null once the process has exited (or before it shows its memory): nothing to record.
    private static long? Read(string status)
    {
        try
        {
            foreach (var line in File.ReadLines(status))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return null;
    }
}
