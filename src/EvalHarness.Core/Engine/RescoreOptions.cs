using EvalHarness.Caching;
using EvalHarness.Engine.Concurrency;
using EvalHarness.Resilience;
using EvalHarness.Scoring;

namespace EvalHarness.Engine;

/// <summary>How <see cref="RunRescorer"/> re-scores a recorded run: the scorers, the judges, and how judges are called.</summary>
public sealed record RescoreOptions
{
    /// <summary>
    /// Each suite's scorers by suite name, in order: the run's own rebuilt, some replaced, some added. A scorer
    /// whose id the run had applies to the samples it scored then; a new id applies to every sample.
    /// </summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<ScorerConfig>> Scorers { get; init; }

    /// <summary>Judges, as created: the rescorer wraps them as a run does. Empty: judge scores are kept as recorded.</summary>
    public IReadOnlyList<ModelRole> Roles { get; init; } = [];

    /// <summary>Where the wrapped role models are bound: the instance the scorers were created with.</summary>
    public ModelRoles? Bindings { get; init; }

    /// <summary>Ask the judges again about every sample, not only those without a verdict from the same judges and rubric.</summary>
    public bool Rejudge { get; init; }

    public ResilienceOptions Resilience { get; init; } = new();

    /// <summary>Response cache for live judges; null disables caching.</summary>
    public IResponseCache? Cache { get; init; }

    public TimeSpan CacheExpiry { get; init; } = Defaults.CacheExpiry;

    public AdaptiveConcurrencyOptions Adaptive { get; init; } = new();

    /// <summary>Samples scored at once; the judges' own limit decides how many of their calls are in flight.</summary>
    public int MaxConcurrentSamples { get; init; } = 64;

    /// <summary>Give up when nothing happens for this long; null: as a run decides from the resilience settings.</summary>
    public TimeSpan? StallTimeout { get; init; }

    public string? RunId { get; init; }
}
