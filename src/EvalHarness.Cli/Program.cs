using System.Globalization;
using System.Runtime.InteropServices;
using EvalHarness.Cli;
using EvalHarness.Cli.Console;
using EvalHarness.Engine;

// Numbers in files and messages must not depend on the machine's locale.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

using var stop = new CancellationTokenSource();
using var abort = new CancellationTokenSource();
var interrupts = 0;
var running = 0;

// Before a run starts (loading suites, validate, other commands) nothing is in flight and nothing has been
// written, so Ctrl+C (or SIGTERM from a CI runner) stops at once. During a run, the first starts nothing new
// and lets samples in flight finish; the second abandons them, leaving the log valid for --resume; the
// third leaves immediately.
void OnSignal(PosixSignalContext context)
{
    context.Cancel = true;
    if (Volatile.Read(ref running) == 0)
    {
        Environment.Exit(ExitCodes.Interrupted);
    }

    switch (Interlocked.Increment(ref interrupts))
    {
        case 1:
            Console.Error.WriteLine("stopping: no new samples; waiting for those in flight (Ctrl+C again to abandon them)");
            stop.Cancel();
            break;
        case 2:
            Console.Error.WriteLine("abandoning samples in flight");
            abort.Cancel();
            break;
        default:
            Environment.Exit(ExitCodes.Interrupted);
            break;
    }
}

using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);

try
{
    var env = CliEnvironment.FromProcess() with
    {
        Signals = new RunSignals(stop.Token, abort.Token),
        RunStarting = () => Volatile.Write(ref running, 1),
    };
    return await new CliApp(env).RunAsync(args, abort.Token).ConfigureAwait(false);
}
catch (Exception ex) when (ex is not OutOfMemoryException)
{
    await Console.Error.WriteLineAsync(ConsoleText.Safe($"evalh: internal error: {ex.GetType().Name}: {ex.Message}")).ConfigureAwait(false);
    await Console.Error.WriteLineAsync("This is a bug in EvalHarness; please report it with the command you ran.").ConfigureAwait(false);
    return ExitCodes.Aborted;
}
