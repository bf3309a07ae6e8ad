using EvalHarness.Suites;

namespace EvalHarness.Results;

public sealed record SuiteResults
{
    public required string Name { get; init; }

    public string? Version { get; init; }

    public required string Language { get; init; }

    public required IReadOnlyList<SuiteFile> Files { get; init; }

    public required EpochSettings Epochs { get; init; }

    public required ResultCounts Counts { get; init; }

    public required IReadOnlyList<MetricResult> Metrics { get; init; }

    public required IReadOnlyList<GroupResults> Groups { get; init; }
}
