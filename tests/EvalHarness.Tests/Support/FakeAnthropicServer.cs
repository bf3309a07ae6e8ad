using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace EvalHarness.Tests.Support;

/// <summary>
/// A real HTTP server on 127.0.0.1 on a free port that speaks the Anthropic Messages API: POST /v1/messages
/// with the anthropic-version header, answered through a per-request script (as <see cref="FakeOpenAiServer"/>),
/// which can also inject faults. <see cref="FakeReply.Text"/> becomes one text block; errors use the API's
/// error shape (<see cref="AnthropicReplies"/>). A request without anthropic-version or max_tokens is refused
/// with 400, as the API refuses it.
/// </summary>
internal sealed class FakeAnthropicServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Func<FakeRequest, FakeReply> _script;
    private readonly ConcurrentDictionary<string, int> _attempts = new(StringComparer.Ordinal);

    private FakeAnthropicServer(WebApplication app, Func<FakeRequest, FakeReply> script)
    {
        _app = app;
        _script = script;
    }

    public ConcurrentQueue<FakeAnthropicRequest> Requests { get; } = new();

    /// <summary>The API root, without /v1: what --base-url takes for anthropic/… models.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<FakeAnthropicServer> StartAsync(Func<FakeRequest, FakeReply> script)
    {
        var app = LoopbackApp.Create();
        var server = new FakeAnthropicServer(app, script);
        app.MapPost("/v1/messages", server.RespondAsync);
        server.BaseUrl = new Uri(await LoopbackApp.StartAsync(app));
        return server;
    }

    public ValueTask DisposeAsync() => LoopbackApp.StopAsync(_app);

    private async Task RespondAsync(HttpContext context)
    {
        var headers = context.Request.Headers;
        var body = (JsonObject)(await JsonNode.ParseAsync(context.Request.Body))!;
        var conversation = (body["system"]?.ToJsonString() ?? string.Empty) + (body["messages"]?.ToJsonString() ?? string.Empty);
        var attempt = _attempts.AddOrUpdate(conversation, 1, (_, n) => n + 1);
        var request = new FakeRequest(body, Header(headers.Authorization), context.Request.Path, attempt);
        var received = new FakeAnthropicRequest(request, Header(headers["x-api-key"]), Header(headers["anthropic-version"]));
        Requests.Enqueue(received);
        var aborted = context.RequestAborted;
        var reply = received.Version is null ? AnthropicReplies.Error(400, "invalid_request_error", "anthropic-version: header is required")
            : body["max_tokens"] is null ? AnthropicReplies.Error(400, "invalid_request_error", "max_tokens: Field required")
            : _script(request);
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
                    await context.Response.WriteAsync("{\"id\": \"msg_x\", \"type\": \"message\", \"content\": [{\"type\": ", aborted);
                    return;
                case FakeFault.NoChoices:
                    reply = AnthropicReplies.Message([], model: request.Model);
                    break;
                case FakeFault.Drip:
                    context.Response.ContentType = "application/json";
                    foreach (var chunk in Encoding.UTF8.GetBytes(Answer(request, reply.Text ?? string.Empty)).Chunk(16))
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
            await context.Response.WriteAsync(reply.Body ?? Answer(request, reply.Text ?? string.Empty), aborted);
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client gave up (its timeout): nothing left to send.
        }
    }

    private static string? Header(Microsoft.Extensions.Primitives.StringValues value) => value.ToString() is { Length: > 0 } text ? text : null;

    private static string Answer(FakeRequest request, string text) => JsonSerializer.Serialize(new
    {
        id = "msg_test",
        type = "message",
        role = "assistant",
        model = request.Model,
        content = new[] { new { type = "text", text } },
        stop_reason = "end_turn",
        stop_sequence = (string?)null,
        usage = new { input_tokens = 11, output_tokens = 7 },
    });
}
