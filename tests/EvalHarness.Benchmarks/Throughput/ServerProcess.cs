using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

namespace EvalHarness.Benchmarks.Throughput;

/// <summary>The benchmark's side of a <see cref="LoopbackServer"/> child process.</summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    /// <summary>The API root, ending in <c>/v1</c>.</summary>
    public string BaseUrl { get; }

    public static async Task<ServerProcess> StartAsync(double latencyMs, string answer)
    {
        var info = SelfProcess.StartInfo("serve", "--latency", latencyMs.ToString(CultureInfo.InvariantCulture), "--answer", answer);
        info.RedirectStandardInput = true;
        info.RedirectStandardOutput = true;
        var process = Process.Start(info)!;
        var address = await process.StandardOutput.ReadLineAsync()
            ?? throw new InvalidOperationException($"the {answer} server exited before printing its address");
        return new ServerProcess(process, address + "/v1");
    }

    /// <summary>
    /// Sends rounds of requests at the given concurrency for a second, so the server's code is compiled and
    /// tiered up and its thread pool grown before the harness is measured against it (the harness itself
    /// starts cold, as a user's does).
    /// </summary>
    public async Task WarmUpAsync(int concurrency)
    {
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, UseProxy = false });
        var clock = Stopwatch.StartNew();
        for (var round = 0; round < 3 || clock.Elapsed < TimeSpan.FromSeconds(1); round++)
        {
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
            {
                using var content = new StringContent("""{"model":"warm-up","messages":[]}""", Encoding.UTF8, "application/json");
                using var response = await client.PostAsync(new Uri(BaseUrl + "/chat/completions"), content);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"warm-up request to {BaseUrl} answered {(int)response.StatusCode}");
                }
            }));
        }

        _ = await TakeWindowAsync();
    }

    /// <summary>The requests since the last call (and forgets them).</summary>
    public async Task<ServerWindow> TakeWindowAsync()
    {
        await _process.StandardInput.WriteLineAsync("stats");
        await _process.StandardInput.FlushAsync();
        var line = await _process.StandardOutput.ReadLineAsync() ?? throw new InvalidOperationException("a loopback server exited");
        var parts = line.Split(' ');
        return new ServerWindow(
            long.Parse(parts[0], CultureInfo.InvariantCulture),
            long.Parse(parts[1], CultureInfo.InvariantCulture),
            long.Parse(parts[2], CultureInfo.InvariantCulture),
            double.Parse(parts[3], CultureInfo.InvariantCulture));
    }

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
