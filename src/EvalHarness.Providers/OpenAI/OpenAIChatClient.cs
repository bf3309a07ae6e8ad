using System.ClientModel;
using System.ClientModel.Primitives;
using EvalHarness.Models;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;
using AIChatRole = Microsoft.Extensions.AI.ChatRole;
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
    private readonly ChatRequestWriter _writer;

    // Null without a key: nothing to mask, and no per-answer scan.
    private readonly string?[]? _secrets;

    public OpenAIChatClient(OpenAIModelOptions options, HttpClient? httpClient = null)
    {
        _options = options;
        _endpoint = EndpointUrl.ForDisplay(options.BaseUrl);
        _writer = new ChatRequestWriter(options.Model);
        _secrets = options.ApiKey is { Length: > 0 } ? [options.ApiKey] : null;
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = options.BaseUrl,
            // The engine's per-attempt timeout is the one that should fire; the SDK's is only a backstop.
            NetworkTimeout = options.Timeout + TimeSpan.FromSeconds(30),
            RetryPolicy = NoRetryPolicy.Instance,

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
        ChatCompletionResult completion;
        try
        {
            // The SDK's protocol method: same pipeline (key, timeout, transport, errors as ClientResultException),
            // but the body is written and read here instead of through its model classes.
            var body = BinaryContent.Create(BinaryData.FromBytes(_writer.Write(messages, options)));
            var result = await _client.CompleteChatAsync(body, new RequestOptions { CancellationToken = cancellationToken }).ConfigureAwait(false);
            completion = ChatCompletionReader.Read(result.GetRawResponse().Content.ToMemory().Span);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is not ModelException and not OutOfMemoryException)
        {
            throw OpenAIErrors.From(ex, _options, _endpoint);
        }

        // What the endpoint sends back goes into the log, the cache and the reports: an endpoint that echoes
        // the request's headers must not put the key there.
        return new ChatResponse(new AIChatMessage(AIChatRole.Assistant, Redact(completion.Text)))
        {
            FinishReason = completion.FinishReason,
            Usage = completion.Usage,
            ModelId = Redact(completion.Model),
            ResponseId = Redact(completion.Id),
        };
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<AIChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("EvalHarness scores whole answers; streaming is not used.");

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }

    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    private string? Redact(string? text) => _secrets is null ? text : Redaction.Secrets(text, _secrets);
}
