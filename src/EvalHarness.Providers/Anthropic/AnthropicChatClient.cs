using EvalHarness.Infrastructure;
using EvalHarness.Models;
using global::Anthropic;
using global::Anthropic.Core;
using global::Anthropic.Exceptions;
using Microsoft.Extensions.AI;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;
using AIChatRole = Microsoft.Extensions.AI.ChatRole;
using AIFinishReason = Microsoft.Extensions.AI.ChatFinishReason;
using Message = global::Anthropic.Models.Messages.Message;
using Usage = global::Anthropic.Models.Messages.Usage;

namespace EvalHarness.Providers.Anthropic;

/// <summary>
/// <see cref="IChatClient"/> over the official Anthropic SDK, for the Messages API and servers that speak
/// it. Failures surface as <see cref="ModelException"/>; the SDK's own retries are off because the engine
/// owns retrying.
/// </summary>
public sealed class AnthropicChatClient : IChatClient
{
    private readonly AnthropicClient _client;
    private readonly HttpClient _http;
    private readonly AnthropicModelOptions _options;
    private readonly string _endpoint;

    public AnthropicChatClient(AnthropicModelOptions options, HttpClient? httpClient = null)
    {
        _options = options;
        _endpoint = EndpointUrl.ForDisplay(options.BaseUrl);

        // The SDK's exceptions do not carry response headers; this handler keeps Retry-After for the call.
        // The SDK applies its own timeout, so this client must not add another.
        _http = new HttpClient(new ResponseCapture(httpClient ?? SharedHttp.Client)) { Timeout = Timeout.InfiniteTimeSpan };
        _client = new AnthropicClient(new ClientOptions
        {
            HttpClient = _http,
            BaseUrl = options.BaseUrl.ToString(),

            // Set even when null: a null key makes the SDK read no variable, profile or credentials file, so
            // the key comes from the variable the user named and from nowhere else.
            ApiKey = options.ApiKey,

            // The SDK sends the key as a bearer token; the Messages API as documented, and the servers that
            // copy it, read x-api-key. Both headers go to the same endpoint.
            ExtraHeaders = options.ApiKey is { } key ? new Dictionary<string, string>(StringComparer.Ordinal) { ["x-api-key"] = key } : null,
            MaxRetries = 0,

            // The engine's per-attempt timeout is the one that should fire; the SDK's is only a backstop.
            Timeout = options.Timeout + TimeSpan.FromSeconds(30),

            // Spans may carry prompts, and a large run would pay for tens of thousands of them.
            OpenTelemetry = false,
        });
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<AIChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var request = AnthropicRequest.Create(_options.Model, messages, options);
        var captured = ResponseCapture.Begin();
        try
        {
            var message = await _client.Messages.Create(request, cancellationToken).ConfigureAwait(false);
            return ToResponse(message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is not ModelException and not OutOfMemoryException)
        {
            throw AnthropicErrors.From(ex, _options, _endpoint, captured);
        }
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<AIChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("EvalHarness scores whole answers; streaming is not used.");

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
        _client.Dispose();
        _http.Dispose();
    }

    private ChatResponse ToResponse(Message message)
    {
        // The SDK reads the body lazily: a field that is missing or mistyped throws here, and is a malformed answer.
        var texts = new List<string>();
        foreach (var block in message.Content)
        {
            if (block.TryPickText(out var text))
            {
                texts.Add(text.Text);
            }
        }

        var stopReason = message.StopReason?.Raw();

        // A refusal or a cut-off answer may come without text, and that is the answer; no text for no reason is not.
        if (texts.Count == 0 && stopReason is not ("refusal" or "max_tokens"))
        {
            throw AnthropicErrors.Malformed(_endpoint, "no text content");
        }

        // What the endpoint sends back goes into the log, the cache and the reports: an endpoint that echoes
        // the request's headers must not put the key there.
        string?[] secrets = [_options.ApiKey];
        return new ChatResponse(new AIChatMessage(AIChatRole.Assistant, Redaction.Secrets(string.Concat(texts), secrets)))
        {
            FinishReason = ToFinishReason(stopReason, secrets),
            Usage = Optional(() => ToUsage(message.Usage)),
            ModelId = Redaction.Secrets(Optional(() => message.Model.Raw()), secrets),
            ResponseId = Redaction.Secrets(Optional(() => message.ID), secrets),
        };
    }

    private static UsageDetails ToUsage(Usage usage)
    {
        // The API counts cached prompt tokens apart from input_tokens; all of them are the prompt.
        var input = usage.InputTokens + (usage.CacheCreationInputTokens ?? 0) + (usage.CacheReadInputTokens ?? 0);
        return new UsageDetails { InputTokenCount = input, OutputTokenCount = usage.OutputTokens, TotalTokenCount = input + usage.OutputTokens };
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

    /// <summary>
    /// Usage, model and id describe the answer but are not the answer: a compatible server that leaves one
    /// out still gave a usable answer.
    /// </summary>
    private static T? Optional<T>(Func<T> read)
        where T : class
    {
        try
        {
            return read();
        }
        catch (AnthropicInvalidDataException)
        {
            return null;
        }
    }
}
