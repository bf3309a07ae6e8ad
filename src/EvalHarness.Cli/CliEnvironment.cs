namespace EvalHarness.Cli;

/// <summary>Everything the CLI touches outside itself, replaceable so tests can run it in-process.</summary>
public sealed record CliEnvironment
{
    public required TextWriter Out { get; init; }

    public required TextWriter Error { get; init; }

    /// <summary>True when stdout is a terminal: progress bars and colour; otherwise plain lines.</summary>
    public bool Interactive { get; init; }

    public Func<string, string?> Variables { get; init; } = Environment.GetEnvironmentVariable;

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Stop (first Ctrl+C) and abort (second) for runs.</summary>
    public EvalHarness.Engine.RunSignals Signals { get; init; } = EvalHarness.Engine.RunSignals.None;

    /// <summary>Called when a run begins, after loading and validation: from then on Ctrl+C means <see cref="Signals"/>.</summary>
    public Action RunStarting { get; init; } = static () => { };

    /// <summary>Where default run directories go (<c>reports/</c> under the working directory).</summary>
    public string ReportsRoot { get; init; } = Path.Combine(Environment.CurrentDirectory, "reports");

    /// <summary>Where bare suite names are looked up (<c>evalh run smoke</c> means <c>suites/smoke</c>).</summary>
    public string SuitesRoot { get; init; } = Path.Combine(Environment.CurrentDirectory, "suites");

    public static CliEnvironment FromProcess() => new()
    {
        Out = System.Console.Out,
        Error = System.Console.Error,
        Interactive = !System.Console.IsOutputRedirected && Environment.GetEnvironmentVariable("CI") is null or "" or "false",
    };
}
