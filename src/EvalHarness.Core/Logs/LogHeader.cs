using EvalHarness.Infrastructure;
using EvalHarness.Models;

namespace EvalHarness.Logs;

/// <summary>
/// The first line of a run log: everything needed to interpret, reproduce, re-score or resume the
/// run without the original files.
/// </summary>
public sealed record LogHeader : LogRecord
{
    public const string CurrentSchema = "evalharness.log/2";

    public string Schema { get; init; } = CurrentSchema;

    public required string RunId { get; init; }

    public required HarnessInfo Harness { get; init; }

    public required DateTimeOffset Started { get; init; }

    public required ModelInfo Model { get; init; }

    public required IReadOnlyList<SuiteHeader> Suites { get; init; }

    /// <summary>Seed for everything random in the harness itself (bootstrap intervals, sharding).</summary>
    public int Seed { get; init; }

    /// <summary>Confidence level of every interval in the results.</summary>
    public double Confidence { get; init; } = 0.95;

    public required RunSettings Settings { get; init; }

    /// <summary>Roles other than the model under evaluation (judges), with their models; absent when the run bound none.</summary>
    public IReadOnlyList<RoleHeader>? Roles { get; init; }

    /// <summary>The run whose recorded outputs this run re-scored (<c>evalh score</c>); absent for a run that asked the model.</summary>
    public ScoredFrom? ScoredFrom { get; init; }
}
