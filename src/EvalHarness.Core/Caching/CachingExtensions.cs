using EvalHarness.Models;

namespace EvalHarness.Caching;

public static class CachingExtensions
{
    /// <param name="runId">The run asking: stored with each answer, and named by a later run that reuses it.</param>
    public static IModel WithCache(this IModel target, IResponseCache cache, TimeSpan expiry, TimeProvider? time = null, string? runId = null) =>
        new CachingModel(target, cache, expiry, time ?? TimeProvider.System, runId);
}
