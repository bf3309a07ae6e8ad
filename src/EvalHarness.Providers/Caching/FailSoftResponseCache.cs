using EvalHarness.Caching;

namespace EvalHarness.Providers.Caching;

/// <summary>
/// The response cache as a run uses it: the cache only ever saves requests, so a cache that cannot be
/// opened, read or written costs the cache and never the evaluation. The first failure is reported once
/// and the rest of the run goes to the endpoint. A read-only cache is used for the answers it holds and
/// stores nothing, which is said once when it is opened.
/// </summary>
public sealed class FailSoftResponseCache : IResponseCache
{
    private readonly SqliteResponseCache _inner;
    private readonly Action<string> _warn;
    private int _failed;

    private FailSoftResponseCache(SqliteResponseCache inner, Action<string> warn)
    {
        _inner = inner;
        _warn = warn;
    }

    /// <summary>The cache in <paramref name="directory"/>, or null (after one warning) when it cannot be used.</summary>
    public static FailSoftResponseCache? Open(string directory, Action<string> warn, TimeSpan? busyTimeout = null)
    {
        try
        {
            var cache = SqliteResponseCache.Open(directory, busyTimeout);
            if (cache.ReadOnly)
            {
                warn($"response cache {cache.Path} is read-only: answers already in it are used, new answers are not stored. " +
                    "Pass --cache-dir DIR to use a cache this user can write.");
            }

            return new FailSoftResponseCache(cache, warn);
        }
        catch (Exception ex) when (CacheFailure.Is(ex))
        {
            warn(Warning(Path.Combine(directory, CacheLocation.FileName), ex));
            return null;
        }
    }

    /// <summary>True once the cache failed and the run went on without it.</summary>
    public bool Disabled => Volatile.Read(ref _failed) != 0;

    public CachedResponse? Find(string key, DateTimeOffset notBefore)
    {
        if (Disabled)
        {
            return null;
        }

        try
        {
            return _inner.Find(key, notBefore);
        }
        catch (Exception ex) when (CacheFailure.Is(ex))
        {
            Fail(ex);
            return null;
        }
    }

    public void Put(string key, string target, CachedResponse response)
    {
        if (Disabled || _inner.ReadOnly)
        {
            return;
        }

        try
        {
            _inner.Put(key, target, response);
        }
        catch (Exception ex) when (CacheFailure.Is(ex))
        {
            Fail(ex);
        }
    }

    public void Dispose()
    {
        try
        {
            _inner.Dispose();
        }
        catch (Exception ex) when (CacheFailure.Is(ex))
        {
            // Closing flushes nothing the run needs: its answers are in the log already.
        }
    }

    private void Fail(Exception exception)
    {
        if (Interlocked.Exchange(ref _failed, 1) == 0)
        {
            _warn(Warning(_inner.Path, exception));
        }
    }

    private static string Warning(string file, Exception exception) =>
        $"response cache {file} cannot be used ({CacheFailure.Reason(exception)}); the run continues without it. " +
        "Pass --no-cache to skip the cache, or --cache-dir DIR to use another directory (delete the file if it is damaged).";
}
