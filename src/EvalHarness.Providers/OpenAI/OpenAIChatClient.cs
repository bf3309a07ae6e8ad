using EvalHarness.Infrastructure;
using EvalHarness.Models;
using Microsoft.Extensions.AI;
using AIChatMessage = Microsoft.Extensions.AI.ChatMessage;
using AIChatRole = Microsoft.Extensions.AI.ChatRole;

namespace EvalHarness.Providers.OpenAI;

/// <summary>
/// <see cref="IChatClient"/> for any OpenAI-compatible chat completions endpoint: POST …/chat/completions with
/// the bearer key, the body written and the answer read with the JSON reader. The official SDK's pipeline
/// (policies, request and response wrappers, per-request state machines) allocated about as much per request as
/// the HTTP stack beneath it, at hundreds of requests per second (docs/performance.md). Failures surface as
/// <see cref="ModelException"/>; there are no retries here because the engine owns retrying.
/// </summary>
public sealed class OpenAIChatClient : IChatClient
{
    private readonly HttpClient _http;
    private readonly OpenAIModelOptions _options;
    private readonly string _endpoint;
    private readonly Uri _completions;
    private readonly string? _authorization;
    private readonly ChatRequestWriter _writer;

    // Null without a key: nothing to mask, and no per-answer scan.
    private readonly string?[]? _secrets;

    public OpenAIChatClient(OpenAIModelOptions options, HttpClient? httpClient = null)
    {
        _options = options;
        _endpoint = EndpointUrl.ForDisplay(options.BaseUrl);
        _completions = new Uri(options.BaseUrl.ToString().TrimEnd('/') + "/chat/completions");
        _writer = new ChatRequestWriter(options.Model);
        _secrets = options.ApiKey is { Length: > 0 } ? [options.ApiKey] : null;
        _authorization = options.ApiKey is { Length: > 0 } key ? "Bearer " + key : null;
        _http = httpClient ?? SharedHttp.Client;
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<AIChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var content = new ByteArrayContent(_writer.Write(messages, options));

        // Header values as plain strings: typed ones are objects per header per request, formatted again on the wire.
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, _completions) { Content = content };
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        if (_authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", _authorization);
        }

        // The engine's per-attempt timeout cancels the token it passes; a caller without one gets a backstop.
        using var backstop = cancellationToken.CanBeCanceled ? null : new CancellationTokenSource(_options.Timeout + TimeSpan.FromSeconds(30), _options.Time);
        var token = backstop?.Token ?? cancellationToken;
        ChatCompletionResult completion;
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, token).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw OpenAIErrors.FromStatus((int)response.StatusCode, System.Text.Encoding.UTF8.GetString(body), response, _options, _endpoint);
            }

            completion = ChatCompletionReader.Read(body);
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
        // The HTTP client is shared (or the caller's).
    }

    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    private string? Redact(string? text) => _secrets is null ? text : Redaction.Secrets(text, _secrets);
}
