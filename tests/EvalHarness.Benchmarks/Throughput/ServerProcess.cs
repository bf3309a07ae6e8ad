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
    /// Sends a few rounds of requests at the given concurrency, so the server's own JIT and thread pool are
    /// warm before the harness is measured against it (the harness itself starts cold, as a user's does).
    /// </summary>
    public async Task WarmUpAsync(int concurrency)
    {
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, UseProxy = false });
        for (var round = 0; round < 3; round++)
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
        var parts = line.Split(' ').Select(p => long.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        return new ServerWindow(parts[0], parts[1], parts[2]);
    }

    public async ValueTask DisposeAsync()
    {
        _process.StandardInput.Close();
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
