using EvalHarness.Caching;
using EvalHarness.Engine.Concurrency;
using EvalHarness.Suites;
using EvalHarness.Resilience;
using EvalHarness.Scoring;

namespace EvalHarness.Engine;

/// <summary>Run-wide choices from the command line.</summary>
public sealed record RunOptions
{
    public required string OutputDirectory { get; init; }

    /// <summary>Requests in flight at most; null means adaptive.</summary>
    public int? MaxConnections { get; init; }

    public AdaptiveConcurrencyOptions Adaptive { get; init; } = new();

    /// <summary>Run only the first N samples of each suite.</summary>
    public int? Limit { get; init; }

    /// <summary>Overrides every suite's epoch count.</summary>
    public int? Epochs { get; init; }

    /// <summary>Generation settings that override the suites' (from flags such as --temperature).</summary>
    public GenerationSettings? Generate { get; init; }

    public int Seed { get; init; }

    public double Confidence { get; init; } = Defaults.Confidence;

    public string? RunId { get; init; }

    /// <summary>Run only this shard's samples.</summary>
    public ShardSpec? Shard { get; init; }

    public ResilienceOptions Resilience { get; init; } = new();

    /// <summary>Response cache for live targets; null disables caching.</summary>
    public IResponseCache? Cache { get; init; }

    public TimeSpan CacheExpiry { get; init; } = Defaults.CacheExpiry;

    /// <summary>Continue the run whose log is in <see cref="OutputDirectory"/>.</summary>
    public bool Resume { get; init; }

    /// <summary>After a first Ctrl+C, how long samples in flight may take before they are abandoned.</summary>
    public TimeSpan StopGracePeriod { get; init; } = Defaults.StopGracePeriod;

    /// <summary>
    /// Stop the run (status aborted) when nothing happens for this long: no request starts or ends and no
    /// sample finishes. Null: the attempt timeout plus the longest backoff or Retry-After plus a minute.
    /// </summary>
    public TimeSpan? StallTimeout { get; init; }

    /// <summary>Models bound to roles other than the one under evaluation (judges), as created: the engine wraps them.</summary>
    public IReadOnlyList<ModelRole> Roles { get; init; } = [];

    /// <summary>Where the wrapped role models are bound for the scorers: the instance the suites were loaded with.</summary>
    public ModelRoles? Bindings { get; init; }

    /// <summary>Abort when this many samples fail first, all with the same error (0 disables).</summary>
    public int AbortAfterIdenticalFailures { get; init; } = 5;

    /// <summary>Bytes of sample lines up to which the run's records are kept in memory for its results; beyond, they are read back from the log.</summary>
    public long LogBytesInMemory { get; init; } = Defaults.LogBytesInMemory;
}
