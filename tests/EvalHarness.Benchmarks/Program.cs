using BenchmarkDotNet.Running;
using EvalHarness.Benchmarks;
using EvalHarness.Benchmarks.Compare;
using EvalHarness.Benchmarks.Report;
using EvalHarness.Benchmarks.Throughput;

// ./run.sh bench throughput [--samples N] [--latency MS] [--concurrency C] [--judge [--judge-latency MS] [--judge-concurrency C]] [--repeat R] [--keep]
//                                                                          the whole evalh process (built CLI) against loopback servers
// ./run.sh bench report [--samples N] [--loads L] [--keep]                      evalh report at scale, then report.html in headless Chromium
// ./run.sh bench compare [--samples N]                                      evalh compare (and gate) at scale on one core
// ./run.sh bench --filter '*'                                                micro-benchmarks (BenchmarkDotNet)
return args.FirstOrDefault() switch
{
    "throughput" => await ThroughputBenchmark.RunAsync(args[1..]),
    "serve" => await LoopbackServer.ServeAsync(args[1..]),     // the throughput benchmark's servers
    "measure" => await MeasuredProcess.RunAsync(args[1..]),    // the throughput benchmark's wrapper around evalh
    "report" => await ReportBenchmark.RunAsync(args[1..]),
    "compare" => await CompareBenchmark.RunAsync(args[1..]),
    _ => RunBenchmarkDotNet(args),
};

static int RunBenchmarkDotNet(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(ScorerBenchmarks).Assembly).Run(args);
    return 0;
}
