namespace EvalHarness.Cli;

/// <summary>The process exit codes; documented in the README and relied on by CI pipelines.</summary>
public static class ExitCodes
{
    /// <summary>The run completed (its scores may still be poor; gates decide that), and passed its gate when it had one.</summary>
    public const int Ok = 0;

    /// <summary>A quality bar was not met: a gate policy's rule failed (<c>evalh gate</c>, <c>evalh run --gate</c>), or <c>evalh judge-check --min-kappa</c>.</summary>
    public const int GateFailed = 1;

    /// <summary>Bad input: suite file, dataset, recording, gate policy or command-line argument.</summary>
    public const int BadInput = 2;

    /// <summary>The target was unusable or the run was aborted.</summary>
    public const int Aborted = 3;

    /// <summary>Interrupted by Ctrl+C (128 + SIGINT), as shells expect.</summary>
    public const int Interrupted = 130;
}
