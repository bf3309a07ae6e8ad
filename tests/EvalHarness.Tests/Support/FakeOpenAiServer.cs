using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace EvalHarness.Tests.Support;

/// <summary>
/// A real OpenAI-compatible HTTP server on 127.0.0.1 (Kestrel from the shared framework) on a free
/// port, answering /v1/chat/completions through a per-request script that can also inject faults:
/// delays, 429 with Retry-After, 5xx, dropped connections, malformed JSON, slow drip, hangs.
/// </summary>
internal sealed class FakeOpenAiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Func<FakeRequest, FakeReply> _script;
    private readonly ConcurrentDictionary<string, int> _attempts = new(StringComparer.Ordinal);
    private int _inFlight;
    private int _maxInFlight;

    private FakeOpenAiServer(WebApplication app, Func<FakeRequest, FakeReply> script)
    {
        _app = app;
        _script = script;
    }

    public ConcurrentQueue<FakeRequest> Requests { get; } = new();

    /// <summary>The most requests that were being handled at the same time.</summary>
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<FakeOpenAiServer> StartAsync(Func<FakeRequest, FakeReply> script)
    {
        var app = LoopbackApp.Create();
        var server = new FakeOpenAiServer(app, script);
        app.MapPost("/v1/chat/completions", server.HandleAsync);
        server.BaseUrl = new Uri(await LoopbackApp.StartAsync(app) + "/v1");
        return server;
    }

    public ValueTask DisposeAsync() => LoopbackApp.StopAsync(_app);

    private async Task HandleAsync(HttpContext context)
    {
        var now = Interlocked.Increment(ref _inFlight);
        int seen;
        while (now > (seen = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
        {
        }

        try
        {
            await RespondAsync(context);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task RespondAsync(HttpContext context)
    {
        var body = (JsonObject)(await JsonNode.ParseAsync(context.Request.Body))!;
        var key = body["messages"]?.ToJsonString() ?? string.Empty;
        var attempt = _attempts.AddOrUpdate(key, 1, (_, n) => n + 1);
        var request = new FakeRequest(body, context.Request.Headers.Authorization.ToString() is { Length: > 0 } a ? a : null, context.Request.Path, attempt)
        {
            UserAgent = context.Request.Headers.UserAgent.ToString(),
        };
        Requests.Enqueue(request);
        var reply = _script(request);
        var aborted = context.RequestAborted;
        try
        {
            if (reply.Delay > TimeSpan.Zero)
            {
                await Task.Delay(reply.Delay, aborted);
            }

            if (reply.Until is { } until)
            {
                await until.WaitAsync(aborted);
            }

            switch (reply.Fault)
            {
                case FakeFault.Reset:
                    context.Abort();
                    return;
                case FakeFault.Hang:
                    await Task.Delay(Timeout.Infinite, aborted);
                    return;
                case FakeFault.Malformed:
                    context.Response.ContentType = "application/json";
                    await context.Response.WriteAsync("{\"id\": \"chatcmpl-x\", \"choices\": [{\"message\": ", aborted);
                    return;
                case FakeFault.NoChoices:
                    context.Response.ContentType = "application/json";
                    await context.Response.WriteAsync("{\"id\":\"chatcmpl-x\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\",\"choices\":[]}", aborted);
                    return;
                case FakeFault.Drip:
                    context.Response.ContentType = "application/json";
                    foreach (var chunk in Encoding.UTF8.GetBytes(Completion(request, reply.Text ?? string.Empty)).Chunk(16))
                    {
                        await context.Response.Body.WriteAsync(chunk, aborted);
                        await context.Response.Body.FlushAsync(aborted);
                        await Task.Delay(reply.DripInterval, aborted);
                    }

                    return;
            }

            context.Response.StatusCode = reply.Status;
            foreach (var (name, value) in reply.Headers)
            {
                context.Response.Headers[name] = value;
            }

            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(reply.Body ?? Completion(request, reply.Text ?? string.Empty), aborted);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client gave up (its timeout): nothing left to send.
        }
    }

    private static string Completion(FakeRequest request, string text) => JsonSerializer.Serialize(new
    {
        id = "chatcmpl-test",
        @object = "chat.completion",
        created = 1_700_000_000,
        model = request.Model,
        choices = new[]
        {
            new { index = 0, message = new { role = "assistant", content = text }, finish_reason = "stop" },
        },
        usage = new { prompt_tokens = 11, completion_tokens = 7, total_tokens = 18 },
    });
}
