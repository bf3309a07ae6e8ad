using System.Runtime.CompilerServices;
using EvalHarness.Cli;
using EvalHarness.Engine;
using EvalHarness.Logs;
using EvalHarness.Models;
using EvalHarness.Providers.Mock;
using EvalHarness.Suites;
using EvalHarness.Tests.Support;
using EvalHarness.Validation;

namespace EvalHarness.Tests.Engine;

/// <summary>
/// A million-sample run holds its dataset through the requests and must let it go before the results and reports,
/// or its peak memory is the dataset's size twice over (issue 21). The collector frees what nothing reaches, so the
/// test is whether anything the caller still holds after the requests (the runner, the executed run, the target,
/// the options, the observer) reaches a sample.
/// </summary>
[TestFixture]
public sealed class RunMemoryTests
{
    [Test]
    public async Task Nothing_the_run_returns_or_keeps_holds_a_sample_of_its_dataset_once_the_requests_are_done()
    {
        using var dir = new TempDirectory();
        var runner = new EvalRunner(Composition.Catalog);
        var target = new MockModel(_ => "42");
        var observer = new RecordingObserver();
        // Records left on disk, as a run whose log outgrows memory keeps them.
        var options = new RunOptions { OutputDirectory = dir.Combine("out"), MaxConnections = 8, LogBytesInMemory = 0 };
        // Live signals, as the CLI's Ctrl+C handler gives: a registration left on them would hold the session.
        using var stop = new CancellationTokenSource();
        using var abort = new CancellationTokenSource();

        var (executed, samples) = await ExecuteAndForgetSuites(dir, runner, target, options, observer, new RunSignals(stop.Token, abort.Token));
        Collect();

        Assert.That(samples.Count(s => s.TryGetTarget(out _)), Is.Zero, "samples still reachable after the requests");
        var outcome = runner.Summarise(executed);
        Assert.That(outcome.Results.Counts.Samples, Is.EqualTo(Samples), "the log alone gives the results");
        Assert.That(observer.Count, Is.EqualTo(Samples));
        GC.KeepAlive(target);
        GC.KeepAlive(options);
    }

    private const int Samples = 300;

    // Not inlined: the suites must live only in this frame, which is gone when the caller collects.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<(ExecutedRun Executed, List<WeakReference<Sample>> Samples)> ExecuteAndForgetSuites(
        TempDirectory dir, EvalRunner runner, IModel target, RunOptions options, IRunObserver observer, RunSignals signals)
    {
        var (suites, samples) = LoadWithWeakReferences(dir);
        var executed = await runner.ExecuteAsync(target, suites, options, observer, signals);
        return (executed, samples);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (IReadOnlyList<Suite> Suites, List<WeakReference<Sample>> Samples) LoadWithWeakReferences(TempDirectory dir)
    {
        var diagnostics = new DiagnosticBag();
        var suite = Composition.SuiteLoader().Load(SuiteFiles.Arithmetic(dir, Samples), diagnostics);
        Assert.That(diagnostics.Items.Where(d => d.IsError), Is.Empty, string.Join("\n", diagnostics.Items));
        return ([suite!], suite!.Samples.Select(s => new WeakReference<Sample>(s)).ToList());
    }

    private static void Collect()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
    }

    private sealed class RecordingObserver : IRunObserver
    {
        private int _completed;

        public int Count => _completed;

        public void Started(int total, int alreadyDone)
        {
        }

        public void Completed(SampleRecord record) => Interlocked.Increment(ref _completed);

        public void Finished(string status)
        {
        }
    }
}
