using System.Net.Http.Headers;
using EvalHarness.Infrastructure;
using EvalHarness.Models;
using Microsoft.Extensions.AI;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;
using AIChatRole = Microsoft.Extensions.AI.ChatRole;
using AIFinishReason = Microsoft.Extensions.AI.ChatFinishReason;

namespace EvalHarness.Providers.Anthropic;

/// <summary>
/// <see cref="IChatClient"/> for the Anthropic Messages API and servers that speak it: POST …/v1/messages
/// with the documented headers, the body written and the answer read with the JSON reader (the official SDK
/// serializes by reflection, which the natively compiled CLI cannot run). Failures surface as
/// <see cref="ModelException"/>; there are no retries here because the engine owns retrying.
/// </summary>
public sealed class AnthropicChatClient : IChatClient
{
    private const string ApiVersion = "2023-06-01";

    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly HttpClient _http;
    private readonly AnthropicModelOptions _options;
    private readonly string _endpoint;
    private readonly Uri _messages;

    public AnthropicChatClient(AnthropicModelOptions options, HttpClient? httpClient = null)
    {
        _options = options;
        _endpoint = EndpointUrl.ForDisplay(options.BaseUrl);
        _messages = new Uri(options.BaseUrl.ToString().TrimEnd('/') + "/v1/messages");
        _http = httpClient ?? SharedHttp.Client;
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<AIChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _messages)
        {
            Content = new ByteArrayContent(AnthropicRequest.Body(_options.Model, messages, options)) { Headers = { ContentType = Json } },
        };
        request.Headers.TryAddWithoutValidation("anthropic-version", ApiVersion);
        if (_options.ApiKey is { } key)
        {
            // The Messages API as documented, and the servers that copy it, read x-api-key; gateways in front
            // of them often read the bearer token. Both go to the same endpoint, and only when a key was named.
            request.Headers.TryAddWithoutValidation("x-api-key", key);
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + key);
        }

        // The engine's per-attempt timeout cancels the token it passes; a caller without one gets a backstop.
        using var backstop = cancellationToken.CanBeCanceled ? null : new CancellationTokenSource(_options.Timeout + TimeSpan.FromSeconds(30), _options.Time);
        var token = backstop?.Token ?? cancellationToken;
        byte[] body;
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, token).ConfigureAwait(false);
            body = await response.Content.ReadAsByteArrayAsync(token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw AnthropicErrors.FromStatus((int)response.StatusCode, System.Text.Encoding.UTF8.GetString(body), _options, _endpoint, response);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is not ModelException and not OutOfMemoryException)
        {
            throw AnthropicErrors.From(ex, _options, _endpoint);
        }

        return ToResponse(body);
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<AIChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("EvalHarness scores whole answers; streaming is not used.");

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
        // The HTTP client is shared (or the caller's).
    }

    private ChatResponse ToResponse(byte[] body)
    {
        var answer = AnthropicAnswer.Read(body) ?? throw AnthropicErrors.Malformed(_endpoint, "no content array of text blocks");

        // A refusal or a cut-off answer may come without text, and that is the answer; no text for no reason is not.
        if (answer.TextBlocks == 0 && answer.StopReason is not ("refusal" or "max_tokens"))
        {
            throw AnthropicErrors.Malformed(_endpoint, "no text content");
        }

        // What the endpoint sends back goes into the log, the cache and the reports: an endpoint that echoes
        // the request's headers must not put the key there.
        string?[] secrets = [_options.ApiKey];
        return new ChatResponse(new AIChatMessage(AIChatRole.Assistant, Redaction.Secrets(answer.Text, secrets)))
        {
            FinishReason = ToFinishReason(answer.StopReason, secrets),
            Usage = answer.Usage,
            ModelId = Redaction.Secrets(answer.Model, secrets),
            ResponseId = Redaction.Secrets(answer.Id, secrets),
        };
    }

    private static AIFinishReason? ToFinishReason(string? stopReason, string?[] secrets) => stopReason switch
    {
        null => null,
        "end_turn" or "stop_sequence" => AIFinishReason.Stop,
        "max_tokens" or "model_context_window_exceeded" => AIFinishReason.Length,
        "refusal" => AIFinishReason.ContentFilter,
        "tool_use" => AIFinishReason.ToolCalls,
        _ => new AIFinishReason(Redaction.Secrets(stopReason, secrets)),
    };
}
