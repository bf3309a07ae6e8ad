using EvalHarness.Logs;
using EvalHarness.Results;

namespace EvalHarness.Engine;

/// <summary>What a run produced: the log read back, the derived results, and where both are.</summary>
public sealed record RunOutcome(RunLog Log, RunResults Results, string Directory)
{
    /// <summary>True when a resume found nothing to do: the log was already complete and nothing was written.</summary>
    public bool AlreadyComplete { get; init; }

    public string LogPath => Path.Combine(Directory, RunFiles.Log);

    public string ResultsPath => Path.Combine(Directory, RunFiles.Results);
}
