using EvalHarness.Models;

namespace EvalHarness.Caching;

/// <summary>Answers from the cache when it can, and stores every successful answer. Failures are never cached.</summary>
internal sealed class CachingModel : IModel
{
    private readonly IModel _inner;
    private readonly IResponseCache _cache;
    private readonly TimeSpan _expiry;
    private readonly TimeProvider _time;
    private readonly string? _runId;

    /// <param name="runId">The run asking, stored with each answer so a later run's log can say where a cached answer came from.</param>
    public CachingModel(IModel inner, IResponseCache cache, TimeSpan expiry, TimeProvider time, string? runId = null)
    {
        _inner = inner;
        _cache = cache;
        _expiry = expiry;
        _time = time;
        _runId = runId;
    }

    public ModelInfo Info => _inner.Info;

    public async Task<Generation> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken)
    {
        var key = CacheKey.For(Info, request);
        var now = _time.GetUtcNow();
        if (_cache.Find(key, now - _expiry) is { } hit)
        {
            return new Generation(hit.Text, hit.FinishReason, hit.Usage, hit.Model) { Attempts = 0, Cached = true, CachedFrom = hit.RunId };
        }

        var generation = await _inner.GenerateAsync(request, cancellationToken).ConfigureAwait(false);
        _cache.Put(key, Info.Spec, new CachedResponse(generation.Text, generation.FinishReason, generation.Usage, generation.Model, now) { RunId = _runId });
        return generation;
    }

    public ValueTask DisposeAsync() => _inner.DisposeAsync();
}
