using System.Globalization;
using System.Text.Json;

namespace EvalHarness.Benchmarks.Throughput;

/// <summary>
/// One <c>evalh run</c> as a user starts it, as a child of the <c>measure</c> wrapper: openai models on the
/// loopback servers, a fixed concurrency (so the limit C/L is known), no response cache (every sample asks),
/// a dummy key, output redirected (not interactive, as in CI).
/// </summary>
internal static class EvalhRun
{
    public static async Task<ChildUsage> RunAsync(ThroughputOptions options, string suite, ServerProcess target, ServerProcess? judge, string outDir)
    {
        var (program, prefix) = EvalhLocator.Find();
        var args = new List<string> { "measure", outDir + ".stdout.txt", outDir + ".stderr.txt", program };
        args.AddRange(prefix);
        args.AddRange(
        [
            "run", suite, "--model", "openai/bench", "--base-url", target.BaseUrl,
            "--max-connections", options.Concurrency.ToString(CultureInfo.InvariantCulture), "--out", outDir, "--no-cache",
        ]);
        if (judge is not null)
        {
            args.AddRange(["--judge", "openai/judge", "--judge-base-url", judge.BaseUrl, "--judge-max-connections", options.JudgeConcurrency.ToString(CultureInfo.InvariantCulture)]);
        }

        var info = SelfProcess.StartInfo([.. args]);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.Environment["OPENAI_API_KEY"] = "sk-bench-not-a-key";
        // The user's own endpoint settings must not redirect the run away from the loopback servers.
        info.Environment.Remove("OPENAI_BASE_URL");
        using var wrapper = System.Diagnostics.Process.Start(info)!;
        var stdout = wrapper.StandardOutput.ReadToEndAsync();
        var stderr = wrapper.StandardError.ReadToEndAsync();
        await wrapper.WaitForExitAsync();
        if (wrapper.ExitCode != 0)
        {
            throw new InvalidOperationException($"the measure wrapper failed ({wrapper.ExitCode}): {await stderr}");
        }

        return JsonSerializer.Deserialize<ChildUsage>(await stdout, MeasuredProcess.Json)
            ?? throw new InvalidOperationException("the measure wrapper printed nothing");
    }

    /// <summary>The last lines of evalh's stderr and stdout, for a run that failed.</summary>
    public static string Tail(string outDir)
    {
        static string Last(string path) => File.Exists(path) ? string.Join('\n', File.ReadLines(path).TakeLast(25)) : "(missing)";
        return $"--- stderr ---\n{Last(outDir + ".stderr.txt")}\n--- stdout ---\n{Last(outDir + ".stdout.txt")}";
    }
}
