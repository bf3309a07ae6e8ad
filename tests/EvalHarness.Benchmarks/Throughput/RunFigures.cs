using System.Diagnostics;

namespace EvalHarness.Benchmarks.Throughput;

/// <summary>
/// The figures of one measured run, from the wrapper's timestamps and getrusage and the servers' windows. The
/// fixed cost is what does not overlap the requests: evalh's start to the target's first request, and the last
/// answer (target's or judge's, whichever is later) to evalh's exit with every report written.
/// </summary>
internal static class RunFigures
{
    public static IReadOnlyList<Figure> Of(ThroughputOptions options, ChildUsage usage, ServerWindow target, ServerWindow? judge, string outDir)
    {
        var figures = new List<Figure>
        {
            new("target requests", target.Requests, "0"),
            new("target request phase", target.Seconds, "0.000", "s"),
            new("target rate", target.Rate, "0.0", "/s"),
            new("target limit C/L", Limit(options.Concurrency, options.LatencyMs), "0.0", "/s"),
            new("target ratio to limit", target.Rate / Limit(options.Concurrency, options.LatencyMs), "0.000", "", "≥ 0.90"),
            new("target server CPU (not evalh's)", target.CpuSeconds, "0.000", "s"),
        };
        if (judge is not null)
        {
            figures.Add(new("judge requests", judge.Requests, "0"));
            figures.Add(new("judge request phase", judge.Seconds, "0.000", "s"));
            figures.Add(new("judge rate", judge.Rate, "0.0", "/s"));
            figures.Add(new("judge limit C/L", Limit(options.JudgeConcurrency, options.JudgeLatencyMs), "0.0", "/s"));
            figures.Add(new("judge ratio to limit", judge.Rate / Limit(options.JudgeConcurrency, options.JudgeLatencyMs), "0.000"));
            figures.Add(new("judge server CPU (not evalh's)", judge.CpuSeconds, "0.000", "s"));
        }

        var lastAnswer = Math.Max(target.Last, judge?.Last ?? 0);
        // The process used no CPU before it started and getrusage's total by its exit.
        List<ProcessSample> samples = [new(usage.Start, 0, 0), .. usage.Samples, new(usage.Exit, 0, usage.CpuSeconds)];
        var toFirst = Milliseconds(target.First - usage.Start);
        var fromLast = Milliseconds(usage.Exit - lastAnswer);
        figures.AddRange(
        [
            new("evalh CPU (user + system)", usage.CpuSeconds, "0.000", "s"),
            new("evalh CPU user", usage.UserCpuSeconds, "0.000", "s"),
            new("evalh CPU system", usage.SystemCpuSeconds, "0.000", "s"),
            new("evalh CPU per sample", usage.CpuSeconds * 1000 / options.Samples, "0.0000", "ms", "≤ 0.1 ms"),
            new("evalh CPU sampled, before requests", CpuAt(samples, target.First), "0.000", "s"),
            new("evalh CPU sampled, request phase", CpuAt(samples, lastAnswer) - CpuAt(samples, target.First), "0.000", "s"),
            new("evalh CPU sampled, after last answer", usage.CpuSeconds - CpuAt(samples, lastAnswer), "0.000", "s"),
            new("fixed cost: start to first request", toFirst, "0", "ms"),
            new("fixed cost: last answer to exit", fromLast, "0", "ms"),
            new("fixed cost: total", toFirst + fromLast, "0", "ms", "≤ 300 ms at 10,000 samples"),
            new("peak RSS", usage.MaxRssKib / 1024.0, "0.0", "MiB", "≤ 1 GB at 1,000,000 samples"),
            new("peak RSS sampled, before requests", PeakMib(samples, usage.Start, target.First), "0.0", "MiB"),
            new("peak RSS sampled, request phase", PeakMib(samples, target.First, lastAnswer), "0.0", "MiB"),
            new("peak RSS sampled, after last answer", PeakMib(samples, lastAnswer, usage.Exit), "0.0", "MiB"),
            new("wall time (start to exit)", Milliseconds(usage.Exit - usage.Start) / 1000, "0.000", "s"),
            new("context switches voluntary", usage.VoluntarySwitches, "0"),
            new("context switches involuntary", usage.InvoluntarySwitches, "0"),
            new("log.jsonl", Mib(Path.Combine(outDir, "log.jsonl")), "0.00", "MiB"),
            new("report.html", Mib(Path.Combine(outDir, "report.html")), "0.00", "MiB"),
            new("report.json", Mib(Path.Combine(outDir, "report.json")), "0.00", "MiB"),
        ]);
        return figures;
    }

    /// <summary>The largest sampled RSS from <paramref name="from"/> to <paramref name="to"/>; NaN when no sample fell in between (a phase shorter than the sampling interval).</summary>
    private static double PeakMib(IReadOnlyList<ProcessSample> samples, long from, long to)
    {
        var peak = samples.Where(s => s.RssKib > 0 && s.At >= from && s.At <= to).Select(s => (double?)s.RssKib).Max();
        return peak is { } kib ? kib / 1024.0 : double.NaN;
    }

    /// <summary>CPU time used by <paramref name="at"/>, interpolated between the samples around it.</summary>
    private static double CpuAt(IReadOnlyList<ProcessSample> samples, long at)
    {
        var after = samples.FirstOrDefault(s => s.At >= at);
        var before = samples.LastOrDefault(s => s.At <= at);
        return (before, after) switch
        {
            (null, _) or (_, null) => double.NaN,
            _ when after.At == before.At => before.CpuSeconds,
            _ => before.CpuSeconds + ((after.CpuSeconds - before.CpuSeconds) * (at - before.At) / (after.At - before.At)),
        };
    }

    private static double Limit(int concurrency, double latencyMs) => latencyMs > 0 ? concurrency * 1000 / latencyMs : double.PositiveInfinity;

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    private static double Mib(string path) => File.Exists(path) ? new FileInfo(path).Length / 1048576.0 : double.NaN;
}
