using System.Globalization;

namespace EvalHarness.Benchmarks.Throughput;

/// <summary>
/// End-to-end throughput of the whole <c>evalh</c> process: N samples of <c>evalh run</c> (the CLI as built, started
/// cold, every report written) against loopback servers in their own processes, with latency L at concurrency C,
/// and with <c>--judge</c> a second server for the judge's calls. Prints each server's request phase against its
/// limit C/L, evalh's own CPU per sample and peak RSS (getrusage in the <c>measure</c> wrapper around it), and
/// the fixed cost around the requests. Linux only: it relies on CLOCK_MONOTONIC being shared by the processes.
/// </summary>
internal static class ThroughputBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = ThroughputOptions.Parse(args, out var error);
        if (options is null || !OperatingSystem.IsLinux())
        {
            await Console.Error.WriteLineAsync(options is null ? $"throughput: {error}\n{ThroughputOptions.Usage}" : "throughput: the benchmark needs Linux (getrusage, CLOCK_MONOTONIC)");
            return 2;
        }

        var work = Directory.CreateTempSubdirectory("evalh-bench-throughput-");
        var suite = BenchSuite.Write(work.FullName, options.Samples, options.Judge);
        PrintSettings(options);
        await using var target = await ServerProcess.StartAsync(options.LatencyMs, "target");
        await using var judge = options.Judge ? await ServerProcess.StartAsync(options.JudgeLatencyMs, "judge") : null;
        await target.WarmUpAsync(options.Concurrency);
        if (judge is not null)
        {
            await judge.WarmUpAsync(options.JudgeConcurrency);
        }

        var runs = new List<IReadOnlyList<Figure>>();
        var failed = false;
        for (var i = 1; i <= options.Repeat && !failed; i++)
        {
            var outDir = Path.Combine(work.FullName, string.Create(CultureInfo.InvariantCulture, $"run-{i}"));
            FigureTable.Line($"run {i} of {options.Repeat} (load average {LoadAverage()})");
            ChildUsage usage;
            try
            {
                usage = await EvalhRun.RunAsync(options, suite, target, judge, outDir);
            }
            catch (InvalidOperationException e)
            {
                FigureTable.Line($"evalh could not be measured: {e.Message}");
                failed = true;
                break;
            }

            var targetWindow = await target.TakeWindowAsync();
            var judgeWindow = judge is null ? null : await judge.TakeWindowAsync();
            if (usage.ExitCode != 0)
            {
                FigureTable.Line($"evalh exited with {usage.ExitCode}; its output is in {outDir}\n{EvalhRun.Tail(outDir)}");
                failed = true;
                break;
            }

            var (errored, judgeErrors) = RunErrors.Read(outDir);
            runs.Add(RunFigures.Of(options, usage, targetWindow, judgeWindow, outDir));
            FigureTable.Print(runs[^1]);
            if (errored > 0 || judgeErrors > 0)
            {
                FigureTable.Line($"  {errored} samples errored and {judgeErrors} judge errors: the run measured failures, not answers (see {outDir})");
                failed = true;
            }
        }

        if (runs.Count > 1)
        {
            FigureTable.Line($"median of {runs.Count} runs");
            FigureTable.Print(FigureTable.Median(runs));
        }

        if (options.Keep || failed)
        {
            FigureTable.Line($"run directory kept: {work.FullName}");
        }
        else
        {
            work.Delete(recursive: true);
        }

        return failed ? 1 : 0;
    }

    private static void PrintSettings(ThroughputOptions options)
    {
        var (program, prefix) = EvalhLocator.Find();
        FigureTable.Line($"evalh: {string.Join(' ', [program, .. prefix])}");
        FigureTable.Line($"samples {options.Samples}, concurrency {options.Concurrency}, latency {options.LatencyMs} ms, {Environment.ProcessorCount} cores");
        if (options.Judge)
        {
            FigureTable.Line($"judge: equivalence rubric, concurrency {options.JudgeConcurrency}, latency {options.JudgeLatencyMs} ms (one call per sample)");
        }
        else
        {
            FigureTable.Line($"judge: none");
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
