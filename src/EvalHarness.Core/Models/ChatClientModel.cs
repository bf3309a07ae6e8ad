using EvalHarness.Suites;
using Microsoft.Extensions.AI;

namespace EvalHarness.Models;

/// <summary>
/// Adapts any <see cref="IChatClient"/> (the .NET convention for chat models) to a target, so providers
/// written against Microsoft.Extensions.AI plug in without code of their own.
/// </summary>
public sealed class ChatClientModel : IModel
{
    private readonly IChatClient _client;
    private readonly bool _ownsClient;

    // Samples of a suite ask with equal settings: their options are built once, not per request.
    private Tuple<GenerationSettings, ChatOptions>? _options;

    public ChatClientModel(IChatClient client, ModelInfo info, bool ownsClient = true)
    {
        _client = client;
        _ownsClient = ownsClient;
        Info = info;
    }

    public ModelInfo Info { get; }

    public async Task<Generation> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken)
    {
        var messages = new List<ChatMessage>(request.Messages.Count);
        foreach (var message in request.Messages)
        {
            messages.Add(new ChatMessage(ToRole(message.Role), message.Content));
        }

        ChatResponse response;
        try
        {
            response = await _client.GetResponseAsync(messages, OptionsFor(request.Settings), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not ModelException and not OutOfMemoryException && !(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            // Clients written for other providers throw their own exceptions: treat them as worth a retry.
            throw new ModelException($"{Info.Provider} request failed: {ex.GetType().Name}: {ex.Message}", ModelErrorKind.Transient, null, null, ex);
        }

        var usage = response.Usage is { } u ? new TokenUsage(u.InputTokenCount, u.OutputTokenCount, u.TotalTokenCount) : null;
        return new Generation(response.Text ?? string.Empty, response.FinishReason?.Value, usage, response.ModelId);
    }

    public ValueTask DisposeAsync()
    {
        if (_ownsClient)
        {
            _client.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    private ChatOptions OptionsFor(GenerationSettings settings)
    {
        var cached = Volatile.Read(ref _options);
        if (cached is null || !(ReferenceEquals(cached.Item1, settings) || cached.Item1.Equals(settings)))
        {
            cached = Tuple.Create(settings, ToOptions(settings));
            Volatile.Write(ref _options, cached);
        }

        return cached.Item2;
    }

    public static ChatOptions ToOptions(GenerationSettings settings)
    {
        var options = new ChatOptions
        {
            Temperature = (float?)settings.Temperature,
            MaxOutputTokens = settings.MaxTokens,
            TopP = (float?)settings.TopP,
            Seed = settings.Seed,
        };
        if (settings.Stop is { Count: > 0 } stop)
        {
            options.StopSequences = [.. stop];
        }

        return options;
    }

    private static ChatRole ToRole(string role) => role switch
    {
        MessageRoles.System => ChatRole.System,
        MessageRoles.Assistant => ChatRole.Assistant,
        _ => ChatRole.User,
    };
}
