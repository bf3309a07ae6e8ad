using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace EvalHarness.Benchmarks.Throughput;

/// <summary>
/// <c>measure STDOUT STDERR PROGRAM ARGS...</c>: runs one program and prints its <see cref="ChildUsage"/> as one
/// JSON line. getrusage(RUSAGE_CHILDREN) sums the resources of the children a process has reaped (Process reaps
/// with waitpid), so its change across the program's run is the program's own CPU time: none of the
/// benchmark's or the servers', and nothing sampled. Its peak RSS is the largest child's; a child's count
/// starts from this process's RSS at fork (about 30 MB), far under the program's. Beside these exact totals a
/// <see cref="ProcessSampler"/> reads the program's RSS and CPU time from /proc, to split them by phase. The
/// program's output goes to the two files, so it runs as it would in CI: not interactive.
/// </summary>
internal static class MeasuredProcess
{
    public static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 3)
        {
            await Console.Error.WriteLineAsync("usage: measure STDOUT STDERR PROGRAM [ARGS...]");
            return 2;
        }

        var info = Redirected(args[2]);
        foreach (var argument in args[3..])
        {
            info.ArgumentList.Add(argument);
        }

        // Starting the first process costs this one 10–20 ms (code to compile, the SIGCHLD handler): spend them
        // on /bin/true, so that the start-up measured is the program's own.
        _ = await RunAsync(Redirected("/bin/true"), Stream.Null, Stream.Null, sample: false);
        var before = ChildrenUsage();
        await using var stdout = File.Create(args[0]);
        await using var stderr = File.Create(args[1]);
        var (start, exit, exitCode, samples) = await RunAsync(info, stdout, stderr, sample: true);
        var after = ChildrenUsage();
        var measured = new ChildUsage(start, exit, exitCode,
            after.UserTime.TotalSeconds - before.UserTime.TotalSeconds,
            after.SystemTime.TotalSeconds - before.SystemTime.TotalSeconds,
            after.MaxRss,
            after.VoluntarySwitches - before.VoluntarySwitches,
            after.InvoluntarySwitches - before.InvoluntarySwitches)
        {
            Samples = samples,
        };
        Console.WriteLine(JsonSerializer.Serialize(measured, Json));
        return 0;
    }

    private static ProcessStartInfo Redirected(string program) =>
        new(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };

    /// <summary>The timestamps are taken as close to the start and the reaping as this process can see them.</summary>
    private static async Task<(long Start, long Exit, int ExitCode, IReadOnlyList<ProcessSample> Samples)> RunAsync(ProcessStartInfo info, Stream stdout, Stream stderr, bool sample)
    {
        var start = Stopwatch.GetTimestamp();
        using var process = Process.Start(info)!;
        await using var sampler = sample ? new ProcessSampler(process.Id) : null;
        var copies = Task.WhenAll(process.StandardOutput.BaseStream.CopyToAsync(stdout), process.StandardError.BaseStream.CopyToAsync(stderr));
        await process.WaitForExitAsync();
        var exit = Stopwatch.GetTimestamp();
        var samples = sampler is null ? [] : await sampler.StopAsync();
        await copies;
        return (start, exit, process.ExitCode, samples);
    }

    private static Rusage ChildrenUsage() =>
        Libc.GetRusage(Libc.RusageChildren, out var usage) == 0
            ? usage
            : throw new InvalidOperationException($"getrusage(RUSAGE_CHILDREN) failed with errno {Marshal.GetLastPInvokeError()}");
}
