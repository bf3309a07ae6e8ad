using System.Diagnostics;
using System.Globalization;
using EvalHarness.Cli;
using EvalHarness.Engine;
using EvalHarness.Providers;
using EvalHarness.Validation;
using EvalHarness.Models;

namespace EvalHarness.Benchmarks.Throughput;

/// <summary>
/// End-to-end throughput: N samples through the real engine and openai target against a loopback
/// server with latency L at concurrency C. Prints samples per second, the ratio to the ideal C/L, and
/// the harness's own CPU time per sample (the server runs in another process).
/// </summary>
internal static class ThroughputBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var samples = Arg(args, "--samples", 10_000);
        var latencyMs = Arg(args, "--latency", 50);
        var concurrency = Arg(args, "--concurrency", 64);
        var warmup = Arg(args, "--warmup", 2_000);

        using var server = StartServer(latencyMs);
        var baseUrl = (await server.StandardOutput.ReadLineAsync())!;
        var work = Directory.CreateTempSubdirectory("evalh-bench-");
        try
        {
            var suite = LoadSuite(Directory.CreateDirectory(Path.Combine(work.FullName, "suite")).FullName, samples);

            // Warm up JIT, connection pool and server with a run that is not measured.
            var warmupSuite = LoadSuite(Directory.CreateDirectory(Path.Combine(work.FullName, "warmup-suite")).FullName, warmup);
            await RunOnceAsync(baseUrl, warmupSuite, Path.Combine(work.FullName, "warmup"), concurrency);

            var process = Process.GetCurrentProcess();
            process.Refresh();
            var cpuBefore = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var last = new LastCompletion(clock);
            var outcome = await RunOnceAsync(baseUrl, suite, Path.Combine(work.FullName, "measured"), concurrency, last);
            clock.Stop();
            process.Refresh();
            var cpu = process.TotalProcessorTime - cpuBefore;

            var rate = outcome.Log.Samples.Count / clock.Elapsed.TotalSeconds;
            var ideal = latencyMs > 0 ? concurrency / (latencyMs / 1000.0) : double.PositiveInfinity;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"samples={outcome.Log.Samples.Count} errored={outcome.Results.Counts.Errored} concurrency={concurrency} latency={latencyMs}ms"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"wall={clock.Elapsed.TotalSeconds:0.000}s rate={rate:0.0}/s ideal={(double.IsInfinity(ideal) ? "∞" : ideal.ToString("0.0", CultureInfo.InvariantCulture))}/s ratio={(double.IsInfinity(ideal) ? "n/a" : (rate / ideal).ToString("0.000", CultureInfo.InvariantCulture))}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"first sample after {last.First.TotalMilliseconds:0} ms, last after {last.Last.TotalSeconds:0.000} s; log read-back, results and files took {(clock.Elapsed - last.Last).TotalMilliseconds:0} ms"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"harness cpu={cpu.TotalSeconds:0.000}s per-sample={cpu.TotalMilliseconds / outcome.Log.Samples.Count:0.0000}ms on {Environment.ProcessorCount} cores"));
            return outcome.Results.Counts.Errored == 0 ? 0 : 1;
        }
        finally
        {
            server.StandardInput.Close();
            await server.WaitForExitAsync();
            work.Delete(recursive: true);
        }
    }

    private static async Task<RunOutcome> RunOnceAsync(string baseUrl, Suites.Suite suite, string output, int concurrency, IRunObserver? observer = null)
    {
        await using var target = Composition.Catalog.Models.Create("openai/bench", new ModelRequest { Settings = new ModelSettings { BaseUrl = baseUrl, Environment = _ => null }, Suites = [suite] });
        return await new EvalRunner(Composition.Catalog).RunAsync(target, [suite], new RunOptions { OutputDirectory = output, MaxConnections = concurrency }, observer ?? NullRunObserver.Instance, RunSignals.None);
    }

    private static Suites.Suite LoadSuite(string directory, int samples) =>
        Composition.SuiteLoader().Load(WriteSuite(directory, samples), new DiagnosticBag()) ?? throw new InvalidOperationException("benchmark suite did not load");

    private static string WriteSuite(string directory, int samples)
    {
        File.WriteAllText(Path.Combine(directory, "suite.yaml"), "name: bench\ndataset: data.jsonl\nscorers: [numeric]\n");
        using var data = new StreamWriter(Path.Combine(directory, "data.jsonl"));
        for (var i = 0; i < samples; i++)
        {
            data.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{{\"id\": \"q{i:D6}\", \"input\": \"What is 21 + 21? Sample {i}.\", \"target\": \"42\"}}"));
        }

        return Path.Combine(directory, "suite.yaml");
    }

    private static Process StartServer(int latencyMs)
    {
        var info = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (!Environment.ProcessPath!.EndsWith(Path.GetFileNameWithoutExtension(typeof(ThroughputBenchmark).Assembly.Location), StringComparison.Ordinal))
        {
            info.ArgumentList.Add(typeof(ThroughputBenchmark).Assembly.Location);
        }

        info.ArgumentList.Add("serve");
        info.ArgumentList.Add(latencyMs.ToString(CultureInfo.InvariantCulture));
        return Process.Start(info)!;
    }

    private static int Arg(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
