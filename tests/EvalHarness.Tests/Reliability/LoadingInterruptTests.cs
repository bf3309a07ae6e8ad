using System.Diagnostics;
using EvalHarness.Cli;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Reliability;

/// <summary>
/// Ctrl+C or SIGTERM while suites load (validate, or run before it starts) stops at once with 130: nothing is
/// in flight and nothing has been written, so the run's stop-and-drain messages do not apply.
/// </summary>
[TestFixture]
public sealed class LoadingInterruptTests
{
    [TestCase("INT", "validate")]
    [TestCase("TERM", "validate")]
    [TestCase("INT", "run")]
    [TestCase("TERM", "run")]
    public async Task A_signal_while_a_dataset_is_being_read_exits_130_at_once(string signal, string command)
    {
        using var dir = new TempDirectory();
        var suite = dir.File("suite/suite.yaml", SuiteFiles.MinimalSuite);
        var dataset = dir.Combine("suite", "data.jsonl");
        MakeFifo(dataset);
        var output = dir.Combine("out");
        string[] args = command == "run" ? ["run", suite, "--model", "mock", "--out", output] : ["validate", suite];
        using var child = ChildProcess.StartEvalh(args, new Dictionary<string, string>());

        // The dataset is a named pipe: opening it for writing returns once evalh has opened it to read it, and
        // evalh then waits inside loading for data that never comes, however long the signal takes.
        await using var writer = await OpenForWritingAsync(dataset, child);
        child.Signal(signal);
        var exit = await WaitAsync(child);

        Assert.That(exit, Is.EqualTo(ExitCodes.Interrupted), child.Error);
        Assert.That(child.Error, Does.Not.Contain("stopping").And.Not.Contain("in flight").And.Not.Contain("abandoning"), "no run was started, so none of its messages apply");
        Assert.That(child.Output, Does.Not.Contain("ok:"));
        Assert.That(Directory.Exists(output), Is.False, "nothing written");
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path])!;
        mkfifo.WaitForExit();
        Assert.That(mkfifo.ExitCode, Is.Zero, "mkfifo");
    }

    private static async Task<FileStream> OpenForWritingAsync(string fifo, ChildProcess child)
    {
        var open = Task.Run(() => new FileStream(fifo, FileMode.Open, FileAccess.Write));
        try
        {
            return await open.WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            // Release the blocked open by being its reader, then report what evalh did instead of reading.
            using (new FileStream(fifo, FileMode.Open, FileAccess.Read))
            {
                await (await open).DisposeAsync();
            }

            Assert.Fail($"evalh never opened the dataset\nstdout:\n{child.Output}\nstderr:\n{child.Error}");
            throw;
        }
    }

    private static async Task<int> WaitAsync(ChildProcess child)
    {
        try
        {
            return await child.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"evalh kept loading after the signal\nstdout:\n{child.Output}\nstderr:\n{child.Error}");
            throw;
        }
    }
}
