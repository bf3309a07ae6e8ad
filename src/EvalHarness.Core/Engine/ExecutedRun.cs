using EvalHarness.Logs;

namespace EvalHarness.Engine;

/// <summary>A run whose log is written and whose results are still to be derived (<see cref="EvalRunner.Summarise"/>).</summary>
public sealed record ExecutedRun(RunLog Log, string Directory)
{
    /// <summary>True when a resume found nothing to do: the log was already complete and nothing was written.</summary>
    public bool AlreadyComplete { get; init; }
}
