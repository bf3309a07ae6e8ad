using EvalHarness.Engine;
using EvalHarness.Loading;
using EvalHarness.Suites;

namespace EvalHarness.Cli.Commands;

/// <summary>The parsed arguments of <c>evalh run</c>.</summary>
internal sealed record RunRequest
{
    public required IReadOnlyList<string> Suites { get; init; }

    public string? Model { get; init; }

    public string? Output { get; init; }

    public string? BaseUrl { get; init; }

    public string? ApiKeyVariable { get; init; }

    public int? MaxConnections { get; init; }

    public int? Limit { get; init; }

    public int? Epochs { get; init; }

    public int? Seed { get; init; }

    public TimeSpan? Timeout { get; init; }

    public int? MaxRetries { get; init; }

    public required GenerationSettings Generate { get; init; }

    public ShardSpec? Shard { get; init; }

    /// <summary>For <c>--shard auto</c>: the variables the shard came from, shown in the header line.</summary>
    public string? ShardOrigin { get; init; }

    public ErrorThreshold FailOnError { get; init; } = ErrorThreshold.Default;

    public bool NoCache { get; init; }

    public string? CacheDirectory { get; init; }

    public TimeSpan? CacheExpiry { get; init; }

    public string? Resume { get; init; }

    /// <summary>--gsn: the directory of aisev's GSN files that aisev CSV rows are weighed with.</summary>
    public string? Gsn { get; init; }

    /// <summary>--show-personal-data: reports show the personal data scorers found instead of masking it.</summary>
    public bool ShowPersonalData { get; init; }

    /// <summary>Which files the suites may read and how much (--allow-path, --max-field-size, --max-record-size, --max-samples).</summary>
    public LoadOptions Loading { get; init; } = LoadOptions.Default;

    /// <summary>--gate: a gate policy to judge the run with once it is done.</summary>
    public string? Gate { get; init; }

    /// <summary>--baseline: the run the policy's non-regression rules compare with.</summary>
    public string? Baseline { get; init; }

    /// <summary>--junit: the gate's verdict as JUnit XML.</summary>
    public string? Junit { get; init; }

    /// <summary>--judge, --judge-base-url, --judge-api-key-env, --judge-vote, --judge-max-connections.</summary>
    public JudgeRequest Judges { get; init; } = JudgeRequest.None;
}
