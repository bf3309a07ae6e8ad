using EvalHarness.Infrastructure;

namespace EvalHarness.Providers;

/// <summary>
/// One HTTP client for all targets of a process: connection reuse matters at hundreds of requests per
/// second, and no per-host cap so that the engine's concurrency limit is the only limit.
/// </summary>
internal static class SharedHttp
{
    public static HttpClient Client { get; } = Create();

    private static HttpClient Create()
    {
        var client = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = int.MaxValue,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(15),
            UseProxy = true,
        })
        {
            // The models apply the per-attempt timeout themselves.
            Timeout = Timeout.InfiniteTimeSpan,
        };

        // Gateways in front of model servers often refuse requests without one; it names the harness and nothing else.
        // Unparsed, so each request copies the string rather than cloning and formatting a parsed value.
        client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", $"EvalHarness/{HarnessInfo.Current.Version}");
        return client;
    }
}
