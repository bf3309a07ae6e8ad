using EvalHarness.Suites;

namespace EvalHarness.Logs;

/// <summary>A suite as it was run: its files' hashes and the exact solver, scorer and epoch settings.</summary>
public sealed record SuiteHeader
{
    public required string Name { get; init; }

    public string? Version { get; init; }

    public string? Description { get; init; }

    public required string Language { get; init; }

    public required string Path { get; init; }

    public required IReadOnlyList<SuiteFile> Files { get; init; }

    /// <summary>Samples planned for this run (after --limit and sharding).</summary>
    public required int Samples { get; init; }

    public required EpochSettings Epochs { get; init; }

    public required GenerationSettings Generate { get; init; }

    public required IReadOnlyList<StepHeader> Solver { get; init; }

    public required IReadOnlyList<ScorerHeader> Scorers { get; init; }

    public required IReadOnlyList<string> GroupBy { get; init; }
}
