using EvalHarness.Scoring;
using EvalHarness.Solvers;

namespace EvalHarness.Suites;

/// <summary>A loaded, validated suite: its samples and how to solve and score them.</summary>
public sealed class Suite
{
    public required string Name { get; init; }

    public string? Version { get; init; }

    public string? Description { get; init; }

    /// <summary>Default language of the samples ("ja", "en", ...).</summary>
    public required string Language { get; init; }

    /// <summary>The suite file as the user named it.</summary>
    public required string Path { get; init; }

    /// <summary>The suite file and every data file, with hashes, in a stable order.</summary>
    public required IReadOnlyList<SuiteFile> Files { get; init; }

    public required IReadOnlyList<Sample> Samples { get; init; }

    public required IReadOnlyList<SolverStep> Solver { get; init; }

    public required IReadOnlyList<ScorerConfig> Scorers { get; init; }

    public EpochSettings Epochs { get; init; } = EpochSettings.Default;

    public GenerationSettings Generate { get; init; } = GenerationSettings.Empty;

    /// <summary>Metadata keys results are grouped by.</summary>
    public IReadOnlyList<string> GroupBy { get; init; } = [];

    /// <summary>Recorded demo answers shipped with the suite (absolute path), if any.</summary>
    public string? DemoRecordings { get; init; }

    /// <summary>The scorers that apply to a sample: those it names, or all of the suite's.</summary>
    public IEnumerable<ScorerConfig> ScorersFor(Sample sample) =>
        sample.Scorers is null ? Scorers : Scorers.Where(s => sample.Scorers.Contains(s.Id));
}
