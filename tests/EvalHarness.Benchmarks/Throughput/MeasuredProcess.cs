using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace EvalHarness.Benchmarks.Throughput;

/// <summary>
/// <c>measure STDOUT STDERR PROGRAM ARGS...</c>: runs one program and prints its <see cref="ChildUsage"/> as one
/// JSON line. getrusage(RUSAGE_CHILDREN) counts the children a process has reaped (Process reaps with waitpid),
/// and this process reaps exactly one, so the CPU time and peak RSS are the program's alone: none of the
/// benchmark's or the servers', and nothing sampled. Its output goes to the two files, so it runs as it
/// would in CI: not interactive.
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

        var info = new ProcessStartInfo(args[2]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in args[3..])
        {
            info.ArgumentList.Add(argument);
        }

        await using var stdout = File.Create(args[0]);
        await using var stderr = File.Create(args[1]);
        var start = Stopwatch.GetTimestamp();
        using var process = Process.Start(info)!;
        var copies = Task.WhenAll(process.StandardOutput.BaseStream.CopyToAsync(stdout), process.StandardError.BaseStream.CopyToAsync(stderr));
        await process.WaitForExitAsync();
        var exit = Stopwatch.GetTimestamp();
        await copies;
        if (Libc.GetRusage(Libc.RusageChildren, out var usage) != 0)
        {
            await Console.Error.WriteLineAsync($"measure: getrusage failed with errno {Marshal.GetLastPInvokeError()}");
            return 1;
        }

        var measured = new ChildUsage(start, exit, process.ExitCode, usage.UserTime.TotalSeconds, usage.SystemTime.TotalSeconds,
            usage.MaxRss, usage.VoluntarySwitches, usage.InvoluntarySwitches);
        Console.WriteLine(JsonSerializer.Serialize(measured, Json));
        return 0;
    }
}
