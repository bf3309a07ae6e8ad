using System.Diagnostics;
using System.Globalization;
using EvalHarness.Benchmarks.Report;
using EvalHarness.Cli;
using EvalHarness.Comparison;
using EvalHarness.Engine;
using EvalHarness.Gating;
using EvalHarness.Logs;
using EvalHarness.Results;
using EvalHarness.Validation;

namespace EvalHarness.Benchmarks.Compare;

/// <summary>
/// <c>evalh compare</c> at scale, on one core: two synthetic runs of N samples (default 100,000; two pass/fail scorers,
/// four group_by keys with 33 groups) that disagree on a few percent of samples, compared with 2,000 bootstrap
/// resamples. Target: under 5 s for the comparison itself (logs read, every row tested, Holm applied).
/// </summary>
internal static class CompareBenchmark
{
    private const double TargetSeconds = 5;

    public static async Task<int> RunAsync(string[] args)
    {
        var samples = Arg(args, "--samples", 100_000);
        OneCore();
        var work = Directory.CreateTempSubdirectory("evalh-bench-compare-");
        try
        {
            var baseline = Path.Combine(work.FullName, "baseline");
            var candidate = Path.Combine(work.FullName, "candidate");
            Directory.CreateDirectory(baseline);
            Directory.CreateDirectory(candidate);
            SyntheticReportLog.Write(Path.Combine(baseline, RunFiles.Log), samples);
            SyntheticReportLog.Write(Path.Combine(candidate, RunFiles.Log), samples, drift: 2);
            Print($"compare benchmark: {samples:N0} samples per run, one core (processor affinity {Environment.ProcessorCount} → 1)");

            var cold = await CommandAsync(["compare", baseline, candidate, "--format", "json"]);
            Print($"evalh compare (cold process, logs read, JSON printed): {cold.TotalSeconds:0.00} s");

            var read = Stopwatch.StartNew();
            var a = RunLogReader.Read(Path.Combine(baseline, RunFiles.Log));
            var b = RunLogReader.Read(Path.Combine(candidate, RunFiles.Log));
            Print($"read both logs (warm): {read.Elapsed.TotalSeconds:0.00} s ({Mb(Path.Combine(baseline, RunFiles.Log))} each)");
            var outcomes = Stopwatch.StartNew();
            var builder = new ResultsBuilder(Composition.Catalog);
            _ = builder.Outcomes(a.Header.Suites[0], a);
            _ = builder.Outcomes(b.Header.Suites[0], b);
            Print($"  of which per-sample outcomes of both runs: {outcomes.Elapsed.TotalSeconds:0.00} s");
            var times = new List<double>();
            RunPairComparison? comparison = null;
            for (var i = 0; i < 3; i++)
            {
                var clock = Stopwatch.StartNew();
                // A fresh builder each time: it keeps the outcomes of the logs it has seen, as one command's would.
                comparison = RunComparer.Compare(new ResultsBuilder(Composition.Catalog), a, b, new EvalHarness.Comparison.CompareOptions());
                times.Add(clock.Elapsed.TotalSeconds);
            }

            times.Sort();
            var median = times[1];
            Print($"RunComparer.Compare (logs in memory, warm): median {median:0.00} s of 3 ({times[0]:0.00}–{times[2]:0.00}); {comparison!.Rows.Count} rows, {comparison.Regressions} regressions");
            var policy = Path.Combine(work.FullName, "gate.yaml");
            File.WriteAllText(policy, Policy);
            var gateCold = await CommandAsync(["gate", candidate, "--policy", policy, "--baseline", baseline, "--junit", Path.Combine(work.FullName, "junit.xml")]);
            Print($"evalh gate --baseline (cold process, logs read, every output written): {gateCold.TotalSeconds:0.00} s");
            var parsed = GatePolicyReader.Read(policy, new DiagnosticBag()) ?? throw new InvalidOperationException("the benchmark's policy does not parse");
            var gateTimes = new List<double>();
            GateVerdict? verdict = null;
            for (var i = 0; i < 3; i++)
            {
                var clock = Stopwatch.StartNew();
                verdict = GateEvaluator.Evaluate(parsed, new ResultsBuilder(Composition.Catalog), b, a, DateTimeOffset.UnixEpoch);
                gateTimes.Add(clock.Elapsed.TotalSeconds);
            }

            gateTimes.Sort();
            Print($"GateEvaluator.Evaluate (logs in memory, warm; results, comparison and every rule): median {gateTimes[1]:0.00} s of 3 ({gateTimes[0]:0.00}–{gateTimes[2]:0.00}); {verdict!.Outcomes.Count} checks, {verdict.Outcomes.Count(o => o.Failed)} failed");
            var met = median <= TargetSeconds && gateTimes[1] <= TargetSeconds;
            Print($"target ≤ {TargetSeconds:0} s for compare and for gate with the logs read: {(met ? "met" : "MISSED")} (reading the two logs is measured above, apart)");
            return met ? 0 : 1;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>Every rule kind, per group and on interval bounds, with non-regression against the baseline.</summary>
    private const string Policy = """
        version: 1
        rules:
          - id: accuracy-floor
            threshold: {metric: accuracy, scorer: includes, bound: lower, min: 0.7, per: category}
          - id: risk-floor
            threshold: {overview: risk, bound: lower, min: 0.3}
          - id: no-regression
            non_regression: {max_difference: 0.02}
          - id: coverage
            coverage: {risks: [hallucination, bias], perspectives: [toxic_output], min_samples: 1000}
          - id: errors
            max_error_rate: 0.02
        """;

    /// <summary>The target is for one core: pin the process so no parallel work can hide the cost.</summary>
    private static void OneCore()
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
        {
            Process.GetCurrentProcess().ProcessorAffinity = 1;
        }
    }

    private static async Task<TimeSpan> CommandAsync(string[] args)
    {
        using var output = new StringWriter();
        var env = new CliEnvironment { Out = output, Error = output, Interactive = false, Variables = _ => null };
        var clock = Stopwatch.StartNew();
        var code = await new CliApp(env).RunAsync(args);
        clock.Stop();
        if (code is not (0 or 1))
        {
            throw new InvalidOperationException($"evalh {args[0]} failed with {code}: {output}");
        }

        return clock.Elapsed;
    }

    private static string Mb(string path) => (new FileInfo(path).Length / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB";

    private static void Print(FormattableString line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));

    private static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
