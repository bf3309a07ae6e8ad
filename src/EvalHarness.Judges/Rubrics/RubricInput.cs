namespace EvalHarness.Judges.Rubrics;

/// <summary>What a judge is shown about one sample.</summary>
/// <param name="Input">The prompt the model was given.</param>
/// <param name="Output">The model's answer.</param>
public sealed record RubricInput(string Input, string Output)
{
    /// <summary>Reference answers; several are shown one per line, each starting with "- ".</summary>
    public IReadOnlyList<string> Targets { get; init; } = [];

    public string? Requirement { get; init; }

    public string? Context { get; init; }

    public string? Criteria { get; init; }
}
