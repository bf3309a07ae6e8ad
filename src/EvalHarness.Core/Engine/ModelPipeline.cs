using EvalHarness.Caching;
using EvalHarness.Engine.Concurrency;
using EvalHarness.Models;
using EvalHarness.Resilience;
using EvalHarness.Scoring;

namespace EvalHarness.Engine;

/// <summary>
/// The decorators every model a run (or a re-scoring) calls goes through, and the concurrency limits they
/// feed: one place, so a judge asked by <c>evalh score</c> is wrapped exactly as one asked by <c>evalh run</c>.
/// </summary>
internal sealed class ModelPipeline
{
    private readonly ResilienceOptions _resilience;
    private readonly IResponseCache? _cache;
    private readonly TimeSpan _cacheExpiry;
    private readonly AdaptiveConcurrencyOptions _adaptive;
    private readonly TimeProvider _time;
    private readonly ProgressWatch _watch;

    /// <summary>The run the models answer for; stored with each answer the cache keeps.</summary>
    public string? RunId { get; init; }

    public ModelPipeline(ResilienceOptions resilience, IResponseCache? cache, TimeSpan cacheExpiry, AdaptiveConcurrencyOptions adaptive, TimeProvider time, ProgressWatch watch)
    {
        _resilience = resilience;
        _cache = cache;
        _cacheExpiry = cacheExpiry;
        _adaptive = adaptive;
        _time = time;
        _watch = watch;
    }

    public static ModelPipeline For(RunOptions options, TimeProvider time, ProgressWatch watch, string? runId = null) =>
        new(options.Resilience, options.Cache, options.CacheExpiry, options.Adaptive, time, watch) { RunId = runId };

    /// <param name="option">The flag a fixed limit came from, for the log.</param>
    public IConcurrencyController CreateController(int? maxConnections, string option = "--max-connections") => maxConnections is { } fixedLimit
        ? new FixedConcurrency(fixedLimit, _time, option)
        : new AdaptiveConcurrency(_adaptive, _time);

    /// <summary>
    /// Progress watch, retries and timeouts (live models), then, for a role's model, the slot of its own
    /// limit, and the cache outside all of them, so a cached answer costs no slot.
    /// </summary>
    public IModel Wrap(IModel model, IConcurrencyController controller, bool gated = false)
    {
        IModel pipeline = new WatchedModel(model, _watch);
        pipeline = model.Info.Live ? pipeline.WithResilience(_resilience, controller, _time) : pipeline;
        pipeline = gated ? new GatedModel(pipeline, controller) : pipeline;
        return _cache is not null && model.Info.Live ? pipeline.WithCache(_cache, _cacheExpiry, _time, RunId) : pipeline;
    }

    /// <summary>
    /// Binds each bound role into <paramref name="bindings"/> with its models wrapped and gated by a limit of
    /// the role's own: a judge's calls never hold, or wait for, a slot of the model under evaluation.
    /// Returns the roles' controllers, so the caller can log how their limits move.
    /// </summary>
    public List<(ModelRole Role, IConcurrencyController Controller)> BindRoles(IReadOnlyList<ModelRole> roles, ModelRoles? bindings)
    {
        var bound = roles.Where(r => r.IsBound).Select(r => (Role: r, Controller: CreateController(r.MaxConnections, $"--{r.Name}-max-connections"))).ToList();
        foreach (var (role, controller) in bound)
        {
            bindings?.Bind(role with { Models = role.Models.Select(m => Wrap(m, controller, gated: true)).ToList() });
        }

        return bound;
    }
}
