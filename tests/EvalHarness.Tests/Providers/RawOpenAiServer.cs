using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using EvalHarness.Tests.Support;

namespace EvalHarness.Tests.Providers;

/// <summary>
/// A chat completions endpoint on 127.0.0.1 that keeps each request body byte for byte (the shared fake
/// server parses it, which hides escaping and number formatting) and answers with a body the test gives verbatim.
/// </summary>
internal sealed class RawOpenAiServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RawOpenAiServer(WebApplication app) => _app = app;

    public ConcurrentQueue<RawRequest> Requests { get; } = new();

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>What the next requests get: status and body, sent exactly as given.</summary>
    public (int Status, string Body) Reply { get; set; } = (200, """{"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,"message":{"role":"assistant","content":"ok"},"finish_reason":"stop"}],"usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}""");

    public static async Task<RawOpenAiServer> StartAsync()
    {
        var app = LoopbackApp.Create();
        var server = new RawOpenAiServer(app);
        app.MapPost("/v1/chat/completions", server.HandleAsync);
        server.BaseUrl = new Uri(await LoopbackApp.StartAsync(app) + "/v1");
        return server;
    }

    public ValueTask DisposeAsync() => LoopbackApp.StopAsync(_app);

    private async Task HandleAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        Requests.Enqueue(new RawRequest(Encoding.UTF8.GetString(body.ToArray()), context.Request.ContentType, context.Request.Headers.Accept.ToString(), context.Request.ContentLength));
        var (status, reply) = Reply;
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(reply);
    }
}
