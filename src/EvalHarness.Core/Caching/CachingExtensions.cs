using EvalHarness.Models;

namespace EvalHarness.Caching;

public static class CachingExtensions
{
    public static IModel WithCache(this IModel target, IResponseCache cache, TimeSpan expiry, TimeProvider? time = null) =>
        new CachingModel(target, cache, expiry, time ?? TimeProvider.System);
}
