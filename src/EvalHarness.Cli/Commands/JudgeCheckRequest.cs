namespace EvalHarness.Cli.Commands;

/// <summary>What <c>evalh judge-check</c> was asked: which labelled items, which judges, and the bar κ must clear.</summary>
internal sealed record JudgeCheckRequest
{
    /// <summary>Labelled JSONL files, or directories of them.</summary>
    public required IReadOnlyList<string> Paths { get; init; }

    public JudgeRequest Judges { get; init; } = JudgeRequest.None;

    /// <summary>Rubric files for items whose rubric is not built in.</summary>
    public IReadOnlyList<string> RubricFiles { get; init; } = [];

    /// <summary>Exit 1 when some rubric's κ is below this.</summary>
    public double? MinKappa { get; init; }

    public string? Output { get; init; }

    public int Seed { get; init; }

    public TimeSpan? Timeout { get; init; }

    public int? MaxRetries { get; init; }

    public bool NoCache { get; init; }

    public string? CacheDirectory { get; init; }
}
