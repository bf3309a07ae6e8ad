using System.Diagnostics;
using System.Globalization;
using EvalHarness.Cli;
using EvalHarness.Engine;
using EvalHarness.Logs;
using EvalHarness.Reports;
using EvalHarness.Results;

namespace EvalHarness.Benchmarks.Report;

/// <summary>
/// The report at scale: <c>evalh report</c> over a synthetic run of N samples (default 100,000), then the
/// HTML report opened in headless Chromium. Targets: written in ≤ 10 s, explorer ready in ≤ 3 s.
/// </summary>
internal static class ReportBenchmark
{
    private const double WriteTargetSeconds = 10;
    private const double ReadyTargetMs = 3000;

    public static async Task<int> RunAsync(string[] args)
    {
        var samples = Arg(args, "--samples", 100_000);
        var loads = Arg(args, "--loads", 3);
        var keep = args.Contains("--keep");
        var work = Directory.CreateTempSubdirectory("evalh-bench-report-");
        try
        {
            var clock = Stopwatch.StartNew();
            SyntheticReportLog.Write(Path.Combine(work.FullName, RunFiles.Log), samples);
            Print($"report benchmark: {samples:N0} samples, log.jsonl {Mb(Path.Combine(work.FullName, RunFiles.Log))} written in {clock.Elapsed.TotalSeconds:0.00} s (setup, not measured)");

            // Exactly the command a user runs, in this (cold) process: read the log, build results, write every format.
            var command = await ReportCommandAsync(work.FullName);
            var ok = command.TotalSeconds <= WriteTargetSeconds;
            Print($"evalh report {work.FullName}: {command.TotalSeconds:0.00} s (target ≤ {WriteTargetSeconds:0} s: {(ok ? "met" : "MISSED")})");
            foreach (var file in new[] { RunFiles.Results }.Concat(Composition.Reporters().Reporters.Select(r => r.FileName)))
            {
                Print($"  {file,-14} {Mb(Path.Combine(work.FullName, file)),10}");
            }

            Print($"phases (the same steps again, now with the code JIT-compiled):");
            Phases(work.FullName);

            Print($"report.html in headless Chromium ({loads} loads; times from navigation start, performance.timeOrigin):");
            BrowserTiming.Run(Path.Combine(work.FullName, RunFiles.Report), loads, line => Console.WriteLine(line), out var readyMs);
            var interactive = readyMs <= ReadyTargetMs;
            Print($"explorer ready (median of {loads}): {readyMs / 1000:0.00} s (target ≤ {ReadyTargetMs / 1000:0} s: {(interactive ? "met" : "MISSED")})");
            return ok && interactive ? 0 : 1;
        }
        finally
        {
            if (keep)
            {
                Print($"kept {work.FullName}");
            }
            else
            {
                work.Delete(recursive: true);
            }
        }
    }

    private static async Task<TimeSpan> ReportCommandAsync(string directory)
    {
        using var output = new StringWriter();
        var env = new CliEnvironment { Out = output, Error = output, Interactive = false, Variables = _ => null };
        var clock = Stopwatch.StartNew();
        var code = await new CliApp(env).RunAsync(["report", directory]);
        clock.Stop();
        if (code != 0)
        {
            throw new InvalidOperationException($"evalh report failed with {code}: {output}");
        }

        return clock.Elapsed;
    }

    private static void Phases(string directory)
    {
        var clock = Stopwatch.StartNew();
        var log = RunLogReader.Read(Path.Combine(directory, RunFiles.Log));
        Print($"  read log       {clock.Elapsed.TotalSeconds,6:0.00} s");
        clock.Restart();
        var results = new ResultsBuilder(Composition.Catalog).Build(log);
        Print($"  build results  {clock.Elapsed.TotalSeconds,6:0.00} s");
        clock.Restart();
        ResultsFile.Write(Path.Combine(directory, RunFiles.Results), results);
        Print($"  results.json   {clock.Elapsed.TotalSeconds,6:0.00} s");
        var input = new ReportInput(log, results);
        foreach (var reporter in Composition.Reporters().Reporters)
        {
            clock.Restart();
            reporter.Write(input, Path.Combine(directory, reporter.FileName));
            Print($"  {reporter.FileName,-14} {clock.Elapsed.TotalSeconds,6:0.00} s");
        }
    }

    private static string Mb(string path) => (new FileInfo(path).Length / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB";

    private static void Print(FormattableString line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));

    private static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
