using System.ClientModel;
using System.ClientModel.Primitives;
using EvalHarness.Models;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;
using AIChatRole = Microsoft.Extensions.AI.ChatRole;
using AIFinishReason = Microsoft.Extensions.AI.ChatFinishReason;
using EvalHarness.Infrastructure;

namespace EvalHarness.Providers.OpenAI;

/// <summary>
/// <see cref="IChatClient"/> over the official OpenAI SDK, for any OpenAI-compatible chat completions
/// endpoint. (The Microsoft.Extensions.AI.OpenAI adapter is not available here.) Failures surface as
/// <see cref="ModelException"/>; the SDK's own retries are off because the engine owns retrying.
/// </summary>
public sealed class OpenAIChatClient : IChatClient
{
    private readonly ChatClient _client;
    private readonly OpenAIModelOptions _options;
    private readonly string _endpoint;

    public OpenAIChatClient(OpenAIModelOptions options, HttpClient? httpClient = null)
    {
        _options = options;
        _endpoint = EndpointUrl.ForDisplay(options.BaseUrl);
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = options.BaseUrl,
            // The engine's per-attempt timeout is the one that should fire; the SDK's is only a backstop.
            NetworkTimeout = options.Timeout + TimeSpan.FromSeconds(30),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),

            // Nothing here may log request content (it can carry keys and prompts), and tracing spans
            // per request cost CPU that a large run pays tens of thousands of times.
            ClientLoggingOptions = new ClientLoggingOptions { EnableLogging = false, EnableMessageLogging = false, EnableMessageContentLogging = false },
            EnableDistributedTracing = false,
        };
        if (httpClient is not null)
        {
            clientOptions.Transport = new HttpClientPipelineTransport(httpClient);
        }

#pragma warning disable OPENAI001 // The policy constructor is marked experimental; it is the SDK's way to send no key.
        _client = options.ApiKey is { Length: > 0 } key
            ? new ChatClient(options.Model, new ApiKeyCredential(key), clientOptions)
            : new ChatClient(options.Model, new NoAuthenticationPolicy(), clientOptions);
#pragma warning restore OPENAI001
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<AIChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var request = messages.Select(ToOpenAI).ToList();
        var completionOptions = ToOpenAI(options);
        ChatCompletion completion;
        string text;
        AIFinishReason? finish;
        try
        {
            completion = (await _client.CompleteChatAsync(request, completionOptions, cancellationToken).ConfigureAwait(false)).Value;
            text = string.Concat(completion.Content.Where(p => p.Kind == ChatMessageContentPartKind.Text).Select(p => p.Text));
            if (text.Length == 0 && !string.IsNullOrEmpty(completion.Refusal))
            {
                text = completion.Refusal;
            }

            finish = ToFinishReason(completion.FinishReason);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is not ModelException and not OutOfMemoryException)
        {
            throw OpenAIErrors.From(ex, _options, _endpoint);
        }

        var usage = completion.Usage is { } u
            ? new UsageDetails { InputTokenCount = u.InputTokenCount, OutputTokenCount = u.OutputTokenCount, TotalTokenCount = u.TotalTokenCount }
            : null;
        // What the endpoint sends back goes into the log, the cache and the reports: an endpoint that echoes
        // the request's headers must not put the key there.
        string?[] secrets = [_options.ApiKey];
        return new ChatResponse(new AIChatMessage(AIChatRole.Assistant, Redaction.Secrets(text, secrets)))
        {
            FinishReason = finish,
            Usage = usage,
            ModelId = Redaction.Secrets(completion.Model, secrets),
            ResponseId = Redaction.Secrets(completion.Id, secrets),
        };
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<AIChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("EvalHarness scores whole answers; streaming is not used.");

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }

    private static global::OpenAI.Chat.ChatMessage ToOpenAI(AIChatMessage message)
    {
        var text = message.Text;
        if (message.Role == AIChatRole.System)
        {
            return new SystemChatMessage(text);
        }

        return message.Role == AIChatRole.Assistant ? new AssistantChatMessage(text) : new UserChatMessage(text);
    }

#pragma warning disable OPENAI001 // Seed is marked experimental in the SDK but is part of the chat completions API.
    private static ChatCompletionOptions ToOpenAI(ChatOptions? options)
    {
        var result = new ChatCompletionOptions();
        if (options is null)
        {
            return result;
        }

        result.Temperature = options.Temperature;
        result.TopP = options.TopP;
        result.MaxOutputTokenCount = options.MaxOutputTokens;
        result.Seed = options.Seed;
        foreach (var stop in options.StopSequences ?? [])
        {
            result.StopSequences.Add(stop);
        }

        return result;
    }
#pragma warning restore OPENAI001

    private static AIFinishReason ToFinishReason(global::OpenAI.Chat.ChatFinishReason reason) => reason switch
    {
        global::OpenAI.Chat.ChatFinishReason.Stop => AIFinishReason.Stop,
        global::OpenAI.Chat.ChatFinishReason.Length => AIFinishReason.Length,
        global::OpenAI.Chat.ChatFinishReason.ContentFilter => AIFinishReason.ContentFilter,
        _ => AIFinishReason.ToolCalls,
    };
}
