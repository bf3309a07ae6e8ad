using EvalHarness.Logs;

namespace EvalHarness.Engine;

/// <summary>What re-scoring produced: the new run's log (in memory, nothing written) and what was done to get it.</summary>
/// <param name="Log">The re-scored run; null when it stalled.</param>
public sealed record RescoreOutcome(RunLog? Log)
{
    /// <summary>Sample records scored again (those with an answer).</summary>
    public int Rescored { get; init; }

    /// <summary>Sample records copied as they were (the model failed on them, so there is nothing to score).</summary>
    public int Copied { get; init; }

    /// <summary>Judge scores asked of a judge.</summary>
    public int Judged { get; init; }

    /// <summary>Of <see cref="Judged"/>, those that ended in a judge error.</summary>
    public int JudgedFailed { get; init; }

    /// <summary>Judge scores kept as the original run recorded them.</summary>
    public int Kept { get; init; }

    /// <summary>Judge errors in the new run, kept or new.</summary>
    public int JudgeErrors { get; init; }

    /// <summary>The first judge error of a judged score, to say why a judge is unusable.</summary>
    public string? FirstJudgeError { get; init; }

    /// <summary>Why re-scoring gave up waiting; null when it finished.</summary>
    public string? Stalled { get; init; }

    /// <summary>Every judge asked failed: the judge is unusable (down, wrong model, or never gives a readable verdict).</summary>
    public bool JudgeUnusable => Judged > 0 && JudgedFailed == Judged;
}
