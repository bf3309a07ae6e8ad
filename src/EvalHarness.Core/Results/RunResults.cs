using EvalHarness.Coverage;
using EvalHarness.Infrastructure;
using EvalHarness.Models;

namespace EvalHarness.Results;

/// <summary>The content of <c>results.json</c>: every number is derived from the run log.</summary>
public sealed record RunResults
{
    public const string CurrentSchema = "evalharness.results/2";

    public string Schema { get; init; } = CurrentSchema;

    public required string RunId { get; init; }

    /// <summary>"completed", "incomplete" (stopped early or still missing samples) or "aborted".</summary>
    public required string Status { get; init; }

    public required HarnessInfo Harness { get; init; }

    public required ModelInfo Model { get; init; }

    public required DateTimeOffset Started { get; init; }

    public DateTimeOffset? Ended { get; init; }

    public int Seed { get; init; }

    public double Confidence { get; init; }

    public required ResultCounts Counts { get; init; }

    public required IReadOnlyList<SuiteResults> Suites { get; init; }

    /// <summary>Pass rates by risk, by J-AISI perspective and by language quality, across suites; every entry, measured or not.</summary>
    public Overview Overview { get; init; } = Overview.Empty;

    /// <summary>Samples per risk, perspective and quality category from their tags, beside the coverage map; what no sample covers.</summary>
    public RunCoverage Coverage { get; init; } = RunCoverage.Empty;
}
